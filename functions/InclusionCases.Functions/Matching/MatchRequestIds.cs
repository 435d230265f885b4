using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Matching;

/// <summary>
/// Match request ids: <c>mr</c> + inverted ticks of the call + 8 random hex digits, so a list is newest
/// first; an incoming request adds <c>-</c> and 8 hex digits derived from its holder and person, so the
/// holders' side can be run again without making a second request.
/// </summary>
public static partial class MatchRequestIds
{
    public static string New(DateTimeOffset at) => "mr" + TableKeys.InvertedTicks(at) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static string Incoming(string requestId, string holderOrganisationId, string personId) =>
        requestId + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{holderOrganisationId}|{personId}")))[..8];

    public static bool IsRequest(string? id) => id is not null && RequestId().IsMatch(id);

    public static bool IsIncoming(string? id) => id is not null && IncomingId().IsMatch(id);

    [GeneratedRegex(@"^mr[0-9]{19}[0-9a-f]{8}\z")]
    private static partial Regex RequestId();

    [GeneratedRegex(@"^mr[0-9]{19}[0-9a-f]{8}-[0-9a-f]{8}\z")]
    private static partial Regex IncomingId();
}
