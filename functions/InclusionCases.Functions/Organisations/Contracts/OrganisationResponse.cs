using InclusionCases.Domain.Identity;

namespace InclusionCases.Functions.Organisations.Contracts;

/// <summary>An organisation as the directory shows it.</summary>
public sealed record OrganisationResponse(string Id, string Name, OrganisationKind Kind, IReadOnlyList<Offer> Offers, IReadOnlyList<string> Languages, bool AcceptsReferrals)
{
    public static OrganisationResponse From(Organisation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Id, o.Name, o.Kind, o.Offers, o.Languages, o.AcceptsReferrals);
    }
}
