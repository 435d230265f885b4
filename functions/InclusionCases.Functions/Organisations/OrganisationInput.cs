using System.Text.RegularExpressions;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.Organisations;

/// <summary>The rules for what a request says about an organisation or a member, field by field.</summary>
public static partial class OrganisationInput
{
    public const int MaxLanguages = 20;

    /// <summary>The longest organisation id (the id pattern below says the same).</summary>
    public const int MaxIdLength = 64;

    /// <summary>The longest member object id (the id pattern below says the same).</summary>
    public const int MaxMemberIdLength = 64;

    // Neither id may have a person id's shape: the request pipeline files an audit entry under the
    // person a path names, and an organisation or member is none.

    /// <summary>An organisation id: lower-case letters, digits and dashes, 2 to 64, e.g. <c>schaerbeek-cpas</c>.</summary>
    public static bool IsOrganisationId(string? id) => id is not null && OrganisationId().IsMatch(id) && !PersonIds.IsValid(id);

    /// <summary>A member's object id as Entra issues it (a GUID) or a test id: letters, digits, dashes, at most 64.</summary>
    public static bool IsMemberId(string? oid) => oid is not null && MemberId().IsMatch(oid) && !PersonIds.IsValid(oid);

    /// <summary>A language tag such as <c>fr</c>, <c>nl</c> or <c>ar-MA</c>.</summary>
    public static bool IsLanguage(string? tag) => tag is not null && LanguageTag().IsMatch(tag);

    public static void ValidateId(FieldErrors errors, string? id)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(id))
        {
            errors.Add("id", DomainText.Required);
        }
        else if (!IsOrganisationId(id))
        {
            errors.Add("id", ApiText.OrganisationIdFormat(MaxIdLength));
        }
    }

    public static void ValidateLists(FieldErrors errors, Offer[]? offers, string[]? languages)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (offers is not null && offers.Distinct().Count() != offers.Length)
        {
            errors.Add("offers", ApiText.OfferOnce);
        }

        if (languages is not null)
        {
            if (languages.Length > MaxLanguages)
            {
                errors.Add("languages", ApiText.AtMostLanguages(MaxLanguages));
            }

            if (languages.Any(l => !IsLanguage(l)))
            {
                errors.Add("languages", ApiText.LanguageTags);
            }
            else if (languages.Distinct(StringComparer.Ordinal).Count() != languages.Length)
            {
                errors.Add("languages", ApiText.LanguageOnce);
            }
        }
    }

    /// <summary>Offers in their fixed order, so equal sets store and show alike.</summary>
    public static IReadOnlyList<Offer> Normalise(Offer[] offers) => [.. offers.Order()];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationId();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex MemberId();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2})?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
