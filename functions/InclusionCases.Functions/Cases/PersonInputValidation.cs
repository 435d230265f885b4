using System.Text.Json;
using System.Text.RegularExpressions;
using InclusionCases.Domain.Matching;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases;

/// <summary>Bounds on a person's fields, and the merge of a partial update onto a stored person.</summary>
public static partial class PersonInputValidation
{
    public const int MaxSensitiveLength = 4_000;
    public const int MaxLanguages = 10;
    public const int MaxIdentifiers = 4;

    /// <param name="errors">Where problems are collected.</param>
    /// <param name="prefix">The field path of the person in the body.</param>
    /// <param name="input">The person fields given.</param>
    /// <param name="json">For an update, the person object as sent (a present name may not be cleared); null for a creation.</param>
    /// <param name="today">Today in Brussels: its year is the latest valid birth year, and a number may not be born later.</param>
    public static void Validate(FieldErrors errors, string prefix, PersonInput input, JsonElement? json, DateOnly today)
    {
        var currentYear = today.Year;
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

        ValidateIdentifiers(errors, prefix + ".identifiers", input.Identifiers, today);

        if (input.Sensitive is { } s)
        {
            errors.Optional(prefix + ".sensitive.health", s.Health, MaxSensitiveLength, allowLineBreaks: true);
            errors.Optional(prefix + ".sensitive.addiction", s.Addiction, MaxSensitiveLength, allowLineBreaks: true);
            errors.Optional(prefix + ".sensitive.migrationStatus", s.MigrationStatus, MaxSensitiveLength, allowLineBreaks: true);
            errors.Optional(prefix + ".sensitive.violence", s.Violence, MaxSensitiveLength, allowLineBreaks: true);
        }
    }

    /// <summary>Checks NISS/BIS numbers by their check digits (<see cref="NationalNumbers"/>); the message never repeats the number.</summary>
    public static void ValidateIdentifiers(FieldErrors errors, string field, IReadOnlyList<IdentifierInput?>? identifiers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (identifiers is null)
        {
            return;
        }

        if (identifiers.Count > MaxIdentifiers)
        {
            errors.Add(field, ApiText.AtMostIdentifiers(MaxIdentifiers));
            return;
        }

        for (var i = 0; i < identifiers.Count; i++)
        {
            if (identifiers[i] is not { Scheme: { } scheme } identifier)
            {
                errors.Add($"{field}[{i}].scheme", ApiText.IdentifierSchemeRequired);
                continue;
            }

            if (identifier.Value is null or { Length: > IdentifierInput.MaxValueLength })
            {
                errors.Required($"{field}[{i}].value", identifier.Value, IdentifierInput.MaxValueLength);
            }
            else if (NationalNumbers.Check(scheme, identifier.Value, today).Problem is { } problem)
            {
                errors.Add($"{field}[{i}].value", problem switch
                {
                    IdentifierProblem.Shape => ApiText.IdentifierShape,
                    IdentifierProblem.Date => scheme == IdentifierScheme.Bis ? ApiText.IdentifierBisDate : ApiText.IdentifierNissDate,
                    _ => ApiText.IdentifierCheckDigits,
                });
            }
        }
    }

    /// <summary>The keyed hashes of checked identifiers, each once.</summary>
    public static IReadOnlyList<string> IdentifierHashes(IReadOnlyList<IdentifierInput?>? identifiers, DateOnly today, IdentifierHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        return [.. (identifiers ?? []).OfType<IdentifierInput>()
            .Select(i => NationalNumbers.Check(i.Scheme!.Value, i.Value, today).Digits)
            .OfType<string>()
            .Select(hasher.Hash)
            .Distinct(StringComparer.Ordinal)];
    }

    public static Person Create(string personId, PersonInput input, IReadOnlyList<string> identifierHashes)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new Person(personId, input.DisplayName!.Trim(), input.BirthYear, input.Gender, input.Languages ?? [], Sensitive(input.Sensitive)) { IdentifierHashes = identifierHashes };
    }

    /// <summary>The stored person with the fields present in <paramref name="json"/> replaced (null clears).</summary>
    public static Person Merge(Person person, PersonInput input, JsonElement json, IReadOnlyList<string> identifierHashes)
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
            IdentifierHashes = Has(json, "identifiers") ? identifierHashes : person.IdentifierHashes,
        };
    }

    public static bool Has(JsonElement json, string name) => json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out _);

    private static SensitiveData? Sensitive(SensitiveInput? s) => s is null ? null : new SensitiveData(s.Health, s.Addiction, s.MigrationStatus, s.Violence, s.DisabilityStatus, s.ResidenceStatus);

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}\z")]
    private static partial Regex LanguageTag();
}
