namespace InclusionCases.Functions.Identity;

/// <summary>The token claims the API reads (Entra ID v2 access tokens).</summary>
public static class ApiClaims
{
    public const string ObjectId = "oid";
    public const string Name = "name";
    public const string Roles = "roles";

    // The long forms appear when a token handler maps inbound claims; accepted so a mapping
    // setting cannot silently turn every caller into "no roles".
    internal const string MappedObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    internal const string MappedRole = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
}
