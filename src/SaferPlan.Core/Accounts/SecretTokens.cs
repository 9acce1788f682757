using System.Security.Cryptography;
using System.Text;

namespace SaferPlan.Core.Accounts;

/// <summary>
/// The one way SaferPlan makes a secret for a link or an API token and stores it: 32 random bytes behind a prefix that
/// says what the token is for, and only its SHA-256 hash kept, so the database never holds a usable secret.
/// </summary>
public static class SecretTokens
{
    /// <summary>A new token, e.g. <c>inv_…</c>: the prefix, then 43 URL-safe characters.</summary>
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>How long a stored hash is: 32 bytes in hex.</summary>
    public const int HashLength = 64;

    /// <summary>What is stored and looked up: the token's SHA-256 hash in lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
