namespace SaferPlan.Crime.Population;

/// <summary>One bad line of a refused population file.</summary>
public sealed record PopulationLineErrorDto(int Line, string Message);

/// <summary>What loading a population file did.</summary>
public sealed record PopulationLoadDto(int Rows, int AreasCreated, int Synthetic);

public sealed record ComparatorAreaDto(int Id, string Name, string? Code, int Lsoas, int? Year, int? Residents, int? Dwellings, bool Synthetic)
{
    public static ComparatorAreaDto From(ComparatorAreaListItem a) => new(a.Id, a.Name, a.Code, a.Lsoas, a.Year, a.Residents, a.Dwellings, a.Synthetic);
}

/// <summary>The JSON API for comparator areas and their residents and dwellings per year.</summary>
public static class PopulationEndpoints
{
    public static void MapPopulation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/crime").WithTags("Recorded crime").RequireAuthorization();

        api.MapGet("/comparator-areas", ListAsync)
            .WithSummary("Every comparator area (a local authority found in the crime data) with its LSOA count and latest population.");

        api.MapPost("/population", LoadAsync)
            .DisableAntiforgery()
            .WithSummary("Loads an ONS-style population CSV sent as the body (text/csv): area code, area name, year, residents, dwellings, optionally synthetic. "
                + "A file with any bad line is refused whole: 422 with lines, each {line, message}.");
    }

    private static async Task<Results<Ok<List<ComparatorAreaDto>>, ProblemHttpResult>> ListAsync(ComparatorAreaService comparatorAreas, CurrentUser current, CancellationToken ct)
    {
        if (!Permissions.CanReadComparatorAreas(await current.GetAsync()))
        {
            return Refused();
        }

        return TypedResults.Ok((await comparatorAreas.ListAsync(ct)).Select(ComparatorAreaDto.From).ToList());
    }

    private static async Task<Results<Ok<PopulationLoadDto>, ProblemHttpResult>> LoadAsync(
        HttpRequest request, AreaPopulationService populations, CurrentUser current, [FromQuery] string? fileName, CancellationToken ct)
    {
        if (!Permissions.CanLoadPopulation(await current.GetAsync()))
        {
            return Refused();
        }

        // The file is read line by line without awaiting, so it is taken in whole first (it is held to 4 MB like any body).
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        var result = await populations.LoadAsync(body, string.IsNullOrWhiteSpace(fileName) ? "population CSV sent to the API" : fileName, ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new PopulationLoadDto(result.Value.Rows, result.Value.AreasCreated, result.Value.Synthetic));
        }

        var lines = result.Errors.Select(e => new PopulationLineErrorDto(int.Parse(e.Key, CultureInfo.InvariantCulture), e.Value)).ToList();
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The population file was refused",
            detail: $"{lines.Count} line(s) are wrong and nothing from the file was kept: " + string.Join("; ", lines.Select(l => l.Message)),
            extensions: new Dictionary<string, object?> { ["lines"] = lines });
    }

    private static ProblemHttpResult Refused() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Not allowed",
        detail: "Only an analyst, support officer or administrator of a partnership may load population figures or list the comparator areas.");
}
