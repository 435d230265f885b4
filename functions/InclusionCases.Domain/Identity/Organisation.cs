namespace InclusionCases.Domain.Identity;

/// <summary>
/// An organisation taking part in the coordination, as the directory shows it. Rows written before
/// the directory existed carry only id, name and kind: they read with no offers, no languages, and
/// accepting referrals.
/// </summary>
public sealed record Organisation(string Id, string Name, OrganisationKind Kind)
{
    /// <summary>What it offers (no repeats, in <see cref="Offer"/> order).</summary>
    public IReadOnlyList<Offer> Offers { get; init; } = [];

    /// <summary>Languages its staff speak, as tags such as <c>fr</c>, <c>nl</c>, <c>ar-MA</c>.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Whether it takes referrals at the moment.</summary>
    public bool AcceptsReferrals { get; init; } = true;

    // The lists compare by content: a record compares them by reference.
    public bool Equals(Organisation? other) => other is not null
        && Id == other.Id && Name == other.Name && Kind == other.Kind && AcceptsReferrals == other.AcceptsReferrals
        && Offers.SequenceEqual(other.Offers) && Languages.SequenceEqual(other.Languages, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind);
}
