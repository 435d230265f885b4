using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.Identity;

/// <summary>The outcome of authenticating a request: a caller, a 401 or a 403.</summary>
public sealed record CallerAuthentication
{
    public Caller? Caller { get; private init; }

    /// <summary>Why the request is unauthenticated (401), or null.</summary>
    public Message? Unauthenticated { get; private init; }

    /// <summary>Whether the rejected request presented a token at all (decides the challenge header).</summary>
    public bool TokenPresented { get; private init; }

    /// <summary>Why an authenticated caller may not use the API (403), or null.</summary>
    public Message? Forbidden { get; private init; }

    /// <summary>The token's user id when the caller is authenticated but refused, for the audit log.</summary>
    public string? UserId { get; private init; }

    public static CallerAuthentication Succeeded(Caller caller) => new() { Caller = caller, TokenPresented = true };

    public static CallerAuthentication NoToken() => new() { Unauthenticated = ApiText.BearerTokenRequired, TokenPresented = false };

    public static CallerAuthentication InvalidToken(Message reason) => new() { Unauthenticated = reason, TokenPresented = true };

    public static CallerAuthentication Refused(Message reason, string userId) => new() { Forbidden = reason, UserId = userId, TokenPresented = true };
}
