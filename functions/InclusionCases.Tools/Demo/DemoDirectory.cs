using InclusionCases.Domain.Identity;

namespace InclusionCases.Tools.Demo;

/// <summary>
/// The demo organisations and users of the API contract, seeded by <c>./dev seed</c>. Object ids are
/// fixed GUIDs (as Entra's <c>oid</c> would be) so tokens stay valid across reseeds.
/// </summary>
public static class DemoDirectory
{
    public static IReadOnlyList<Organisation> Organisations { get; } =
    [
        new("ixelles-cpas", "CPAS d'Ixelles", OrganisationKind.Cpas) { Offers = [Offer.Food, Offer.Administrative, Offer.ReferenceAddress], Languages = ["fr", "nl", "en"] },
        new("jette-cpas", "CPAS de Jette", OrganisationKind.Cpas) { Offers = [Offer.Administrative, Offer.ReferenceAddress], Languages = ["nl", "fr"] },
        new("habitat-asbl", "Habitat asbl", OrganisationKind.Ngo) { Offers = [Offer.Shelter, Offer.Care, Offer.HousingFirst], Languages = ["fr", "ar"] },
        new("ixelles-commune", "Commune d'Ixelles", OrganisationKind.Commune) { Offers = [Offer.Orientation], Languages = ["fr", "nl"], AcceptsReferrals = false },
    ];

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("sophie", "8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01", "Sophie Lambert", AppRole.SocialWorker, "ixelles-cpas"),
        new("thomas", "8d1f6a52-0002-4c3e-9a6e-5f1b2c3d4e02", "Thomas Peeters", AppRole.SocialWorker, "jette-cpas"),
        new("lena", "8d1f6a52-0003-4c3e-9a6e-5f1b2c3d4e03", "Lena Janssens", AppRole.SocialWorker, "habitat-asbl"),
        new("karim", "8d1f6a52-0004-4c3e-9a6e-5f1b2c3d4e04", "Karim El Amrani", AppRole.Mediator, "ixelles-commune"),
        new("marc", "8d1f6a52-0005-4c3e-9a6e-5f1b2c3d4e05", "Marc Dubois", AppRole.Coordinator, "ixelles-commune"),
        new("dpo", "8d1f6a52-0006-4c3e-9a6e-5f1b2c3d4e06", "Data Protection Officer", AppRole.Auditor, "ixelles-commune"),
        new("ops", "8d1f6a52-0007-4c3e-9a6e-5f1b2c3d4e07", "Operations", AppRole.Operator, "ixelles-commune"),
        new("habitat-app", "8d1f6a52-0008-4c3e-9a6e-5f1b2c3d4e08", "Habitat asbl (system)", AppRole.Partner, "habitat-asbl", IsApplication: true),
    ];

    public static DemoUser? Find(string login) => Users.FirstOrDefault(u => u.Login == login);
}
