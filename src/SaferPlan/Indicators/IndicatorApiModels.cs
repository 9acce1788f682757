namespace SaferPlan.Indicators;

public sealed record EarlierValueDto(string? Value, string? Source, string? Comment, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A value for a span of months, judged against its year's target. <c>id</c> is null for a computed (recorded-crime) value.</summary>
public sealed record IndicatorValueDto(
    int? Id, string Period, string Display, string From, string To, decimal? Value, string ValueText, bool Computed,
    string? Source, string? Comment, string? EnteredBy, DateTimeOffset? EnteredAt, int Version,
    int TargetYear, IndicatorStatus Status, string StatusText, string Sentence, IReadOnlyList<EarlierValueDto> Earlier)
{
    public static IndicatorValueDto Of(IndicatorValueView v) => new(
        v.Id, v.Span.Slug, v.Span.Display, v.Span.From.ToString(), v.Span.To.ToString(), v.Value, v.ValueText, v.Computed,
        v.Source, v.Comment, v.EnteredBy, v.EnteredAt, v.Version,
        v.Span.FinancialYear, v.Judgement.Status, v.Judgement.StatusText, v.Judgement.Sentence,
        v.Earlier.Select(e => new EarlierValueDto(e.Value, e.Source, e.Comment, e.ChangedBy, e.ChangedAt)).ToList());
}

public sealed record IndicatorBaselineDto(int Id, string Period, string Display, string From, string To, decimal? Value, string ValueText, bool Computed, string? Source, string? Note, int Version)
{
    public static IndicatorBaselineDto Of(IndicatorBaselineView b) => new(
        b.Baseline.Id, b.Span.Slug, b.Span.Display, b.Span.From.ToString(), b.Span.To.ToString(), b.Value, b.ValueText, b.Computed, b.Baseline.Source, b.Note, b.Baseline.Version);
}

public sealed record IndicatorTargetDto(
    int Id, string Year, string Display, TargetKind Kind, decimal? Number, decimal AmberTolerance, int? BaselineId, string? Wording, string Description, int Version)
{
    public static IndicatorTargetDto From(IndicatorTargetView t) => new(
        t.Target.Id, Core.Periods.ReportingPeriod.Year(t.Target.Year).Slug, t.YearLabel, t.Target.Kind, t.Target.Number, t.Target.AmberTolerance,
        t.Target.BaselineId, t.Target.Wording, t.Description, t.Target.Version);
}

public sealed record IndicatorLinkDto(int Id, int? PriorityId, int? MilestoneId, string Text, int EditionId, string EditionYear)
{
    public static IndicatorLinkDto From(IndicatorLinkView l) => new(l.Id, l.PriorityId, l.MilestoneId, l.Text, l.EditionId, l.EditionYear);
}

/// <summary>An indicator in a partnership's list: its definition, latest value, the target for that value's year, and status.</summary>
public sealed record IndicatorSummaryDto(
    int Id, string Code, string Name, string? Description, IndicatorUnit Unit, Polarity Polarity, IndicatorFrequency Frequency,
    IndicatorSource Source, string? CrimeType, string? CrimeGroup, IndicatorValueDto? Latest, IndicatorTargetDto? Target,
    IndicatorStatus Status, string StatusText, string Sentence, int Version)
{
    public static IndicatorSummaryDto From(IndicatorSummary s)
    {
        var i = s.Indicator;
        return new(i.Id, i.Code, i.Name, i.Description, i.Unit, i.Polarity, i.Frequency, i.Source, i.CrimeType?.Name, i.CrimeGroup?.Key,
            s.Latest is null ? null : IndicatorValueDto.Of(s.Latest), s.Target is null ? null : IndicatorTargetDto.From(s.Target),
            s.Judgement.Status, s.Judgement.StatusText, s.Judgement.Sentence, i.Version)
        {
            Notice = s.Synthetic ? CrimeStatistics.SyntheticNotice : null,
        };
    }

    /// <summary>Set when the figures are computed from synthetic demo crime data, as on the crime API.</summary>
    public string? Notice { get; init; }
}

/// <summary>Everything about an indicator: definition, the rules, baselines, targets per year, values with statuses, links.</summary>
public sealed record IndicatorDetailDto(
    int Id, string Partnership, string Code, string Name, string? Description, IndicatorUnit Unit, Polarity Polarity,
    IndicatorFrequency Frequency, IndicatorSource Source, string? CrimeType, string? CrimeGroup, string Definition,
    string EvaluationRule, string? DerivedRule, IReadOnlyList<IndicatorBaselineDto> Baselines, IReadOnlyList<IndicatorTargetDto> Targets,
    IReadOnlyList<IndicatorValueDto> Values, IReadOnlyList<IndicatorLinkDto> Links, int Version)
{
    public static IndicatorDetailDto From(IndicatorDetail d)
    {
        var i = d.Indicator;
        return new(i.Id, d.PartnershipSlug, i.Code, i.Name, i.Description, i.Unit, i.Polarity, i.Frequency, i.Source, i.CrimeType?.Name, i.CrimeGroup?.Key,
            d.Definition, IndicatorEvaluation.Rule, i.Source == IndicatorSource.RecordedCrime ? IndicatorReader.DerivedRule : null,
            d.Baselines.Select(IndicatorBaselineDto.Of).ToList(), d.Targets.Select(IndicatorTargetDto.From).ToList(),
            d.Values.Select(IndicatorValueDto.Of).ToList(), d.Links.Select(IndicatorLinkDto.From).ToList(), i.Version)
        {
            Notice = d.Synthetic ? CrimeStatistics.SyntheticNotice : null,
            Forecast = IndicatorForecastDto.From(d.Forecast),
        };
    }

    /// <summary>Set when any of its figures are computed from synthetic demo crime data, as on the crime API.</summary>
    public string? Notice { get; init; }

    /// <summary>The year-end forecast against the current year's target, with the target's trajectory; null when there is none.</summary>
    public IndicatorForecastDto? Forecast { get; init; }
}

/// <summary>One month or quarter of a target trajectory: <c>period</c> "2010-04" or "2010-11-q1".</summary>
public sealed record ForecastPointDto(string Period, string Display, decimal Target, decimal CumulativeTarget, decimal? Actual, decimal? CumulativeActual);

/// <summary>A year-end forecast with its 80% interval (<c>low</c>, <c>high</c>), the outlook against the target and the sentence saying so.</summary>
public sealed record IndicatorForecastDto(
    string Year, string YearLabel, decimal YearToDate, decimal Forecast, decimal Low, decimal High, decimal Target,
    SaferPlan.Core.Statistics.ForecastOutlook Outlook, string OutlookText, string Sentence, int YearsOfHistory, string Method, IReadOnlyList<ForecastPointDto> Trajectory)
{
    public static IndicatorForecastDto? From(SaferPlan.Core.Statistics.IndicatorForecast? f) => f is null ? null : new(
        Core.Periods.ReportingPeriod.Year(f.Year).Slug, f.YearLabel, f.YearToDate, f.Forecast, f.Low, f.High, f.TargetLine, f.Outlook, f.OutlookText,
        f.Sentence, f.YearsOfHistory, SaferPlan.Core.Statistics.ForecastMethod.Rule,
        f.Trajectory.Select(p => new ForecastPointDto(p.Period, p.Display, p.Target, p.CumulativeTarget, p.Actual, p.CumulativeActual)).ToList());
}

/// <summary>An indicator linked to a priority, as the dashboard shows it.</summary>
public sealed record LinkedIndicatorDto(
    int IndicatorId, string Code, string Name, string? MilestoneCode, string? Period, string Value, string? Target,
    IndicatorStatus Status, string StatusText, string Sentence)
{
    public static LinkedIndicatorDto From(LinkedIndicator l) => new(l.IndicatorId, l.Code, l.Name, l.MilestoneCode, l.Period, l.ValueText, l.TargetText, l.Status, l.StatusText, l.Sentence)
    {
        Notice = l.Synthetic ? CrimeStatistics.SyntheticNotice : null,
        Change = l.Change,
        Forecast = l.Forecast?.Sentence,
    };

    /// <summary>For a recorded-crime indicator, its 12 months against the 12 before with whether the change is significant.</summary>
    public string? Change { get; init; }

    /// <summary>The year-end forecast's sentence, when there is one.</summary>
    public string? Forecast { get; init; }

    /// <summary>Set when the value is computed from synthetic demo crime data, as on the crime API.</summary>
    public string? Notice { get; init; }
}

public sealed record IndicatorRequest(
    string? Code, string? Name, string? Description, IndicatorUnit? Unit, Polarity? Polarity, IndicatorFrequency? Frequency,
    IndicatorSource? Source, string? CrimeType, string? CrimeGroup, int? Version)
{
    public IndicatorInput ToInput() => new()
    {
        Code = Code, Name = Name, Description = Description, Unit = Unit, Polarity = Polarity, Frequency = Frequency,
        Source = Source, CrimeType = CrimeType, CrimeGroup = CrimeGroup,
    };
}

/// <summary>A manual value: <c>period</c> ("2010-11-q4", "2010-11", "2010-09", "2009-09..2010-08") or <c>from</c> and <c>to</c> months.</summary>
public sealed record IndicatorValueRequest(string? Period, string? From, string? To, decimal? Value, string? Source, string? Comment, int? Version)
{
    public IndicatorValueInput ToInput() => new() { Period = IndicatorEndpoints.SpanText(Period, From, To), Value = Value, Source = Source, Comment = Comment };
}

public sealed record IndicatorBaselineRequest(string? Period, string? From, string? To, decimal? Value, string? Source, int? Version)
{
    public IndicatorBaselineInput ToInput() => new() { Period = IndicatorEndpoints.SpanText(Period, From, To), Value = Value, Source = Source };
}

/// <summary>A target: <c>year</c> is the financial year ("2010-11" or "2010/11").</summary>
public sealed record IndicatorTargetRequest(string? Year, TargetKind? Kind, decimal? Number, decimal? AmberTolerance, int? BaselineId, string? Wording, int? Version)
{
    public IndicatorTargetInput ToInput() => new() { Year = Year, Kind = Kind, Number = Number, AmberTolerance = AmberTolerance, BaselineId = BaselineId, Wording = Wording };
}

public sealed record IndicatorLinkRequest(int? PriorityId, int? MilestoneId);

/// <summary>A baseline as it was saved (the indicator's page reads it with its computed value: <see cref="IndicatorBaselineDto"/>).</summary>
public sealed record SavedBaselineDto(int Id, int IndicatorId, string Period, string Display, string From, string To, decimal? Value, string? Source, int Version)
{
    public static SavedBaselineDto Of(IndicatorBaseline b)
    {
        var span = MonthSpan.FromKeys(b.FromMonth, b.ToMonth);
        return new(b.Id, b.IndicatorId, span.Slug, span.Display, span.From.ToString(), span.To.ToString(), b.Value, b.Source, b.Version);
    }
}

/// <summary>A target as it was saved, for its year.</summary>
public sealed record SavedTargetDto(int Id, int IndicatorId, string Year, string Display, TargetKind Kind, decimal? Number, decimal AmberTolerance, int? BaselineId, string? Wording, int Version)
{
    public static SavedTargetDto Of(IndicatorTarget t)
    {
        var year = Core.Periods.ReportingPeriod.Year(t.Year);
        return new(t.Id, t.IndicatorId, year.Slug, year.Display, t.Kind, t.Number, t.AmberTolerance, t.BaselineId, t.Wording, t.Version);
    }
}

/// <summary>A link from an indicator to a priority or a milestone, as it was added.</summary>
public sealed record SavedLinkDto(int Id, int IndicatorId, int? PriorityId, int? MilestoneId);
