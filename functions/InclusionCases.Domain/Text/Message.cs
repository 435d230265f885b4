using System.Globalization;

namespace InclusionCases.Domain.Text;

/// <summary>
/// A text for a person to read, kept as a key of its <see cref="MessageCatalog"/> and its arguments
/// until the reader's language is known: rules decide what to say, the answer decides in which
/// language. There is deliberately no conversion from <see cref="string"/>, so an untranslated
/// literal cannot slip into an answer.
/// </summary>
public sealed class Message : IEquatable<Message>
{
    private readonly object[] _arguments;

    internal Message(MessageCatalog catalog, string key, object[] arguments)
    {
        Catalog = catalog;
        Key = key;
        _arguments = arguments;
    }

    /// <summary>The resources the text is read from.</summary>
    public MessageCatalog Catalog { get; }

    /// <summary>The resource name of the text, the same in every language.</summary>
    public string Key { get; }

    /// <summary>The values put into the text's <c>{0}</c>-style placeholders.</summary>
    public IReadOnlyList<object> Arguments => _arguments;

    /// <summary>The text in <paramref name="culture"/>'s language (English when it has none).</summary>
    public string Render(CultureInfo culture) => Catalog.Render(Key, _arguments, culture);

    /// <summary>The text in English, the language of logs and of what is stored.</summary>
    public string English() => Render(CultureInfo.InvariantCulture);

    public bool Equals(Message? other) =>
        other is not null && ReferenceEquals(Catalog, other.Catalog) && Key == other.Key && _arguments.SequenceEqual(other._arguments);

    public override bool Equals(object? obj) => Equals(obj as Message);

    public override int GetHashCode() => HashCode.Combine(Catalog, Key, _arguments.Length);

    /// <summary>The key and arguments, for diagnostics; an answer uses <see cref="Render"/>.</summary>
    public override string ToString() => _arguments.Length == 0 ? Key : $"{Key}({string.Join(", ", _arguments)})";
}
