namespace InclusionCases.Domain.Consents;

/// <summary>What a consent lets the named organisations see.</summary>
public enum ConsentScope
{
    /// <summary>The person's cases, without the sensitive fields.</summary>
    Case,

    /// <summary>Also the sensitive fields (health, addiction, migration status, violence).</summary>
    Sensitive,
}
