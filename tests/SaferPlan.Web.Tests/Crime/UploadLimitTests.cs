using System.Net.Sockets;
using System.Text;
using SaferPlan.Core.Accounts;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>
/// Uploads are bounded before they are buffered: whoever may not upload is refused before the body is read, and a body
/// over the limit is refused, saying the limit, before it is read. The requests are written by hand on a socket, so a
/// server that waits for the body it declared (today's) keeps the test waiting, and fails it.
/// </summary>
public abstract class UploadLimitTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";
    private const long BoardMembersBody = 28L << 20;

    [Fact]
    public async Task AreaLookupApi_BoardMemberDeclaringALargeBody_Is403BeforeTheBodyIsSent()
    {
        var token = await app.CreateTokenAsync(await app.AddUserAsync(PartnershipRole.BoardMember));

        var (status, text) = await PostDeclaringAsync($"/api/partnerships/{Slug}/area/lookup", "text/csv", BoardMembersBody, $"Authorization: Bearer {token}");

        Assert.Equal(403, status);
        Assert.Contains("application/problem+json", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaLookupApi_AnalystDeclaringMoreThanTheLimit_Is413SayingTheLimit()
    {
        var token = await app.CreateTokenAsync(await app.AddUserAsync(PartnershipRole.Analyst));

        var (status, text) = await PostDeclaringAsync($"/api/partnerships/{Slug}/area/lookup", "text/csv", 40L << 20, $"Authorization: Bearer {token}");

        Assert.Equal(413, status);
        Assert.Contains("A lookup file can be at most 32 MB in one upload.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrimeImportApi_AnalystDeclaringMoreThanTheLimit_Is413SayingTheLimit()
    {
        var token = await app.CreateTokenAsync(await app.AddUserAsync(PartnershipRole.Analyst));

        var (status, text) = await PostDeclaringAsync("/api/crime/imports", "multipart/form-data; boundary=x", 2L << 30, $"Authorization: Bearer {token}");

        Assert.Equal(413, status);
        Assert.Contains("Crime files can be at most 1 GB in one upload.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaPage_BoardMemberPostingALookupFile_IsRefusedBeforeTheBodyIsSent()
    {
        var cookie = await SignedInCookieAsync(PartnershipRole.BoardMember);

        var (status, _) = await PostDeclaringAsync($"/partnerships/{Slug}/area?handler=Lookup", "multipart/form-data; boundary=x", BoardMembersBody, $"Cookie: {cookie}");

        Assert.True(status is 403 or 302, $"Expected a refusal, got {status}");
    }

    [Fact]
    public async Task ImportPage_AnalystDeclaringMoreThanTheLimit_GetsTheErrorPageSayingTheLimit()
    {
        var cookie = await SignedInCookieAsync(PartnershipRole.Analyst);

        var (status, text) = await PostDeclaringAsync("/crime/import", "multipart/form-data; boundary=x", 2L << 30, $"Cookie: {cookie}");

        Assert.True(status == 413, text);
        Assert.Contains("The upload is too large", text, StringComparison.Ordinal);
        Assert.Contains("Crime files can be at most 1 GB in one upload.", text, StringComparison.Ordinal);
    }

    /// <summary>The sign-in cookie of a new user with the role, for requests written by hand.</summary>
    private async Task<string> SignedInCookieAsync(PartnershipRole role)
    {
        using var session = await PageSession.SignedInAsync(app, role);
        return session.CookieHeader;
    }

    /// <summary>
    /// Sends a POST declaring <paramref name="declared"/> bytes of body but sends only the first kilobyte, then reads the
    /// answer: a server that reads the body before deciding never answers, and the read times out.
    /// </summary>
    private async Task<(int Status, string Text)> PostDeclaringAsync(string path, string contentType, long declared, string header)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.ServerAddress.Host, app.ServerAddress.Port, timeout.Token);
        await using var stream = tcp.GetStream();
        var request = $"POST {path} HTTP/1.1\r\nHost: {app.ServerAddress.Authority}\r\n{header}\r\nContent-Type: {contentType}\r\nContent-Length: {declared}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('a', 1024)), timeout.Token);
        await stream.FlushAsync(timeout.Token);

        var received = new StringBuilder();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (Complete(received.ToString()))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No answer within 15 s to a POST of {path} declaring {declared:N0} bytes: the server waited for the body. Received: {received}");
        }
        catch (IOException)
        {
            // The server may close the connection once it has answered; what it sent is in received.
        }

        var answer = received.ToString();
        Assert.StartsWith("HTTP/1.1 ", answer, StringComparison.Ordinal);
        return (int.Parse(answer.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture), answer);
    }

    /// <summary>Whether a whole HTTP/1.1 response has arrived: its headers, and its body by length or last chunk.</summary>
    private static bool Complete(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var headers = text[..end];
        var body = text[(end + 4)..];
        var length = System.Text.RegularExpressions.Regex.Match(headers, @"(?im)^content-length:\s*(\d+)");
        if (length.Success)
        {
            return Encoding.UTF8.GetByteCount(body) >= int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return headers.Contains("chunked", StringComparison.OrdinalIgnoreCase) && body.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
    }
}

/// <summary>Provider-neutral (no query of its own to check), so run on SQLite only.</summary>
public sealed class UploadLimitTestsOnSqlite(SqliteFactory app) : UploadLimitTests(app), IClassFixture<SqliteFactory>;
