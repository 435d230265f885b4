namespace InclusionCases.Domain.Reports;

/// <summary>What a breakdown counts.</summary>
public enum ReportMeasure
{
    /// <summary>Cases opened in the period.</summary>
    CasesOpened,

    /// <summary>Cases whose person moved in during the period.</summary>
    Housed,

    /// <summary>Of those who moved in during the period at least 6 months ago, those still housed 6 months after.</summary>
    Retention6,

    /// <summary>As <see cref="Retention6"/>, 12 months after the move-in.</summary>
    Retention12,

    /// <summary>As <see cref="Retention6"/>, 24 months after the move-in.</summary>
    Retention24,

    /// <summary>Distinct people named by street contacts in the period.</summary>
    PersonsSeen,

    /// <summary>Distinct people named by a street contact that found them bedded down in the period.</summary>
    PersonsSeenBeddedDown,

    /// <summary>Street contacts in the period.</summary>
    Contacts,
}
