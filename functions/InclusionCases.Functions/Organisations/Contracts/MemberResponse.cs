using InclusionCases.Domain.Identity;

namespace InclusionCases.Functions.Organisations.Contracts;

/// <summary>A member of an organisation: ids and names only, never roles or activity.</summary>
public sealed record MemberResponse(string Oid, string? Name, DateTimeOffset? Since, DateTimeOffset? ValidUntil)
{
    public static MemberResponse From(Membership m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.UserId, m.DisplayName.Length == 0 ? null : m.DisplayName, m.Since, m.ValidUntil);
    }
}
