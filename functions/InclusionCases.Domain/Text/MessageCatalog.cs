using System.Globalization;
using System.Resources;

namespace InclusionCases.Domain.Text;

/// <summary>
/// The texts of one assembly, in resource files: the neutral one in English, satellites for the
/// other languages (<c>.fr.resx</c>, <c>.nl.resx</c>), read through the standard <see cref="ResourceManager"/>.
/// </summary>
public sealed class MessageCatalog
{
    private readonly ResourceManager _resources;

    public MessageCatalog(ResourceManager resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _resources = resources;
    }

    /// <summary>The resources, for tests that compare the languages key by key.</summary>
    public ResourceManager Resources => _resources;

    /// <summary>The message named <paramref name="key"/> with its <paramref name="arguments"/>.</summary>
    public Message Of(string key, params object[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(arguments);
        return new Message(this, key, arguments);
    }

    /// <summary>
    /// The text of <paramref name="key"/> in <paramref name="culture"/>, falling back to English.
    /// Arguments are formatted invariantly (<c>1000</c>, <c>2026-11-25</c>) in every language: they are
    /// limits and values a client also sends, written as it must write them.
    /// </summary>
    public string Render(string key, IReadOnlyList<object> arguments, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var template = _resources.GetString(key, culture)
            ?? throw new MissingManifestResourceException($"No text named '{key}' in {_resources.BaseName}.");
        return arguments.Count == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, [.. arguments]);
    }
}
