using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Localization;

namespace InclusionCases.UnitTests.Localization;

/// <summary>
/// Every text exists in French and Dutch, with the same placeholders as in English, and is really
/// translated; every message the code can produce has its text in every language.
/// </summary>
public sealed partial class MessageCatalogTests
{
    // Keys whose French or Dutch text may equal the English one (a word that is the same). None today.
    private static readonly HashSet<string> SameInEnglish = new(StringComparer.Ordinal);

    public static TheoryData<string, string> Translations()
    {
        var data = new TheoryData<string, string>();
        foreach (var catalog in new[] { nameof(DomainText), nameof(ApiText) })
        {
            foreach (var language in new[] { "fr", "nl" })
            {
                data.Add(catalog, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryText_IsTranslated_WithTheSamePlaceholders(string catalogName, string language)
    {
        var resources = CatalogNamed(catalogName).Resources;
        var english = Texts(resources, CultureInfo.InvariantCulture);
        var translated = Texts(resources, CultureInfo.GetCultureInfo(language));

        Assert.NotEmpty(english);
        Assert.Empty(translated.Keys.Except(english.Keys));
        foreach (var (key, text) in english)
        {
            Assert.True(translated.TryGetValue(key, out var translation), $"{catalogName}.{key} has no {language} text.");
            Assert.False(string.IsNullOrWhiteSpace(translation), $"{catalogName}.{key} is empty in {language}.");
            Assert.Equal(Placeholders(text), Placeholders(translation));
            if (!SameInEnglish.Contains(key))
            {
                Assert.NotEqual(text, translation);
            }
        }
    }

    public static TheoryData<string> Catalogs() => [nameof(DomainText), nameof(ApiText)];

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void EveryMessage_RendersInEveryLanguage(string catalogName)
    {
        var type = catalogName == nameof(DomainText) ? typeof(DomainText) : typeof(ApiText);
        var messages = type.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(Message))
            .Select(p => (Message)p.GetValue(null)!)
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(Message) && !m.IsSpecialName)
                .Select(m => (Message)m.Invoke(null, [.. m.GetParameters().Select(p => Sample(p.ParameterType))])!))
            .ToList();

        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            foreach (var language in RequestLanguage.Supported)
            {
                var text = message.Render(language);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{message} is empty in {language.Name}.");
                Assert.DoesNotMatch(PlaceholderPattern(), text);
            }
        }
    }

    [Fact]
    public void Render_Arguments_AreInvariantInEveryLanguage()
    {
        Assert.Equal("At most 10000 characters.", DomainText.AtMostCharacters(10_000).Render(RequestLanguage.English));
        Assert.Equal("10000 caractères au maximum.", DomainText.AtMostCharacters(10_000).Render(RequestLanguage.French));
        Assert.Equal("Maximaal 10000 tekens.", DomainText.AtMostCharacters(10_000).Render(RequestLanguage.Dutch));
    }

    [Fact]
    public void Messages_WithTheSameKeyAndArguments_AreEqual()
    {
        Assert.Equal(DomainText.AtMostCharacters(3), DomainText.AtMostCharacters(3));
        Assert.NotEqual(DomainText.AtMostCharacters(3), DomainText.AtMostCharacters(4));
        Assert.Equal(DomainText.Required.English(), DomainText.Required.Render(RequestLanguage.English));
    }

    private static MessageCatalog CatalogNamed(string name) => name == nameof(DomainText) ? DomainText.Catalog : ApiText.Catalog;

    // The texts of exactly one culture's resources (no fallback to English), by key.
    private static Dictionary<string, string> Texts(ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No {culture.Name} resources for {resources.BaseName}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    private static List<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static object Sample(Type type) => type == typeof(int) ? 7 : type == typeof(string) ? "x" : throw new NotSupportedException(type.Name);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
