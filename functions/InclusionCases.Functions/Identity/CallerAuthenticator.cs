using System.Security.Claims;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// Authenticates a request's bearer token with the registered scheme, then resolves the caller's
/// organisation from the membership table. Both hosts call it from inside the function, so they
/// behave identically.
/// </summary>
public sealed class CallerAuthenticator(IMembershipReader memberships, TimeProvider clock)
{
    public async Task<CallerAuthentication> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(context.Request.Headers.Authorization.ToString()))
        {
            return CallerAuthentication.NoToken();
        }

        var result = await context.AuthenticateAsync(ApiAuthentication.Scheme);
        if (!result.Succeeded || result.Principal is null)
        {
            // None: the header is there but is not "Bearer <token>".
            return CallerAuthentication.InvalidToken(result.None ? ApiText.AuthorizationHeaderBearer : Describe(result.Failure));
        }

        var identity = ReadIdentity(result.Principal);
        if (identity is null)
        {
            return CallerAuthentication.InvalidToken(ApiText.TokenClaimString(ApiClaims.ObjectId));
        }

        var membership = await memberships.FindAsync(identity.UserId, cancellationToken);
        var resolution = CallerResolution.Resolve(identity, membership, clock.GetUtcNow());
        return resolution.Caller is { } caller
            ? CallerAuthentication.Succeeded(caller)
            : CallerAuthentication.Refused(resolution.Refusal!, identity.UserId);
    }

    internal static AuthenticatedIdentity? ReadIdentity(ClaimsPrincipal principal)
    {
        // One oid, a string: several (a JSON array) would leave the caller's identity to claim order.
        var objectIds = principal.FindAll(ApiClaims.ObjectId).Concat(principal.FindAll(ApiClaims.MappedObjectId)).ToList();
        if (objectIds is not [{ ValueType: ClaimValueTypes.String, Value: var objectId }] || string.IsNullOrWhiteSpace(objectId))
        {
            return null;
        }

        var roleValues = principal.FindAll(ApiClaims.Roles).Concat(principal.FindAll(ApiClaims.MappedRole)).Select(c => c.Value);
        return new AuthenticatedIdentity(objectId, principal.FindFirst(ApiClaims.Name)?.Value, AppRoles.Parse(roleValues));
    }

    // Tells a partner's developer what to fix without echoing the token or its contents.
    private static Message Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => ApiText.TokenExpired,
        SecurityTokenNotYetValidException => ApiText.TokenNotYetValid,
        SecurityTokenInvalidAudienceException => ApiText.TokenAudience,
        SecurityTokenInvalidIssuerException => ApiText.TokenIssuer,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => ApiText.TokenSignature,
        SecurityTokenClaimShapeException shape => shape.Problem,
        _ => ApiText.TokenInvalid,
    };
}
