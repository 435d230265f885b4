namespace InclusionCases.Domain.Identity;

/// <summary>Parsing of <c>roles</c> claim values into <see cref="AppRole"/>s.</summary>
public static class AppRoles
{
    /// <summary>The known roles among <paramref name="claimValues"/>; unknown values are ignored.</summary>
    public static IReadOnlySet<AppRole> Parse(IEnumerable<string> claimValues)
    {
        ArgumentNullException.ThrowIfNull(claimValues);
        var roles = new HashSet<AppRole>();
        foreach (var value in claimValues)
        {
            // Exact, case-sensitive names: Entra emits the value as declared in the app registration.
            if (Enum.TryParse<AppRole>(value, ignoreCase: false, out var role) && Enum.IsDefined(role) && !int.TryParse(value, out _))
            {
                roles.Add(role);
            }
        }

        return roles;
    }
}
