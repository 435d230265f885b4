using System.Text.Json;
using System.Text.RegularExpressions;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.Cases;

/// <summary>Bounds on a person's fields, and the merge of a partial update onto a stored person.</summary>
public static partial class PersonInputValidation
{
    public const int MaxSensitiveLength = 4_000;
    public const int MaxLanguages = 10;

    /// <param name="errors">Where problems are collected.</param>
    /// <param name="prefix">The field path of the person in the body.</param>
    /// <param name="input">The person fields given.</param>
    /// <param name="json">For an update, the person object as sent (a present name may not be cleared); null for a creation.</param>
    /// <param name="currentYear">The latest valid birth year.</param>
    public static void Validate(FieldErrors errors, string prefix, PersonInput input, JsonElement? json, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(input);
        if (json is not { } sent || Has(sent, "displayName"))
        {
            errors.Required(prefix + ".displayName", input.DisplayName, FieldErrors.MaxNameLength);
        }

        if (input.BirthYear is { } year && (year < 1900 || year > currentYear))
        {
            errors.Add(prefix + ".birthYear", ApiText.BirthYearRange(currentYear));
        }

        if (input.Languages is { } languages)
        {
            if (languages.Length > MaxLanguages)
            {
                errors.Add(prefix + ".languages", ApiText.AtMostLanguages(MaxLanguages));
            }

            if (languages.Any(l => l is null || !LanguageTag().IsMatch(l)))
            {
                errors.Add(prefix + ".languages", ApiText.LanguageTags);
            }
        }

        if (input.Sensitive is { } s)
        {
            errors.Optional(prefix + ".sensitive.health", s.Health, MaxSensitiveLength, allowLineBreaks: true);
            errors.Optional(prefix + ".sensitive.addiction", s.Addiction, MaxSensitiveLength, allowLineBreaks: true);
            errors.Optional(prefix + ".sensitive.migrationStatus", s.MigrationStatus, MaxSensitiveLength, allowLineBreaks: true);
            errors.Optional(prefix + ".sensitive.violence", s.Violence, MaxSensitiveLength, allowLineBreaks: true);
        }
    }

    public static Person Create(string personId, PersonInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new Person(personId, input.DisplayName!.Trim(), input.BirthYear, input.Gender, input.Languages ?? [], Sensitive(input.Sensitive));
    }

    /// <summary>The stored person with the fields present in <paramref name="json"/> replaced (null clears).</summary>
    public static Person Merge(Person person, PersonInput input, JsonElement json)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(input);
        return person with
        {
            DisplayName = Has(json, "displayName") ? input.DisplayName!.Trim() : person.DisplayName,
            BirthYear = Has(json, "birthYear") ? input.BirthYear : person.BirthYear,
            Gender = Has(json, "gender") ? input.Gender : person.Gender,
            Languages = Has(json, "languages") ? input.Languages ?? [] : person.Languages,
            Sensitive = Has(json, "sensitive") ? Sensitive(input.Sensitive) : person.Sensitive,
        };
    }

    public static bool Has(JsonElement json, string name) => json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out _);

    private static SensitiveData? Sensitive(SensitiveInput? s) => s is null ? null : new SensitiveData(s.Health, s.Addiction, s.MigrationStatus, s.Violence);

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}\z")]
    private static partial Regex LanguageTag();
}
