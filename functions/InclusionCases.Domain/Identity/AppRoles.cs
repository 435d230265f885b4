namespace InclusionCases.Domain.Identity;

/// <summary>Parsing of <c>roles</c> claim values into <see cref="AppRole"/>s.</summary>
public static class AppRoles
{
    // A fixed table rather than Enum.TryParse, which also takes numbers, surrounding whitespace and
    // comma lists ("Mediator,Partner" parses as flags to a third role).
    private static readonly Dictionary<string, AppRole> ByName = new(StringComparer.Ordinal)
    {
        [nameof(AppRole.SocialWorker)] = AppRole.SocialWorker,
        [nameof(AppRole.Mediator)] = AppRole.Mediator,
        [nameof(AppRole.Partner)] = AppRole.Partner,
        [nameof(AppRole.Coordinator)] = AppRole.Coordinator,
        [nameof(AppRole.Auditor)] = AppRole.Auditor,
        [nameof(AppRole.Operator)] = AppRole.Operator,
    };

    /// <summary>The role named exactly <paramref name="value"/> (same case, nothing around it), or null.</summary>
    public static AppRole? Find(string? value) => value is not null && ByName.TryGetValue(value, out var role) ? role : null;

    /// <summary>The known roles among <paramref name="claimValues"/>; any other value is ignored.</summary>
    public static IReadOnlySet<AppRole> Parse(IEnumerable<string> claimValues)
    {
        ArgumentNullException.ThrowIfNull(claimValues);
        var roles = new HashSet<AppRole>();
        foreach (var value in claimValues)
        {
            // Exact, case-sensitive names: Entra emits the value as declared in the app registration.
            if (Find(value) is { } role)
            {
                roles.Add(role);
            }
        }

        return roles;
    }
}
