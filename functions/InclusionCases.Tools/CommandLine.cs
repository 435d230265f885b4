namespace InclusionCases.Tools;

/// <summary>
/// A command's arguments after its name: positional values and <c>--name value</c> options, each
/// option known to the command and given at most once.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;

    private CommandLine(IReadOnlyList<string> positionals, Dictionary<string, string> options)
    {
        Positionals = positionals;
        _options = options;
    }

    public IReadOnlyList<string> Positionals { get; }

    /// <param name="args">The arguments after the command's name.</param>
    /// <param name="knownOptions">The options the command takes, each with a value (e.g. <c>--settings</c>).</param>
    public static CommandLine Parse(IEnumerable<string> args, params string[] knownOptions)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positionals = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var next = args.GetEnumerator();
        while (next.MoveNext())
        {
            var arg = next.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }

            if (!knownOptions.Contains(arg, StringComparer.Ordinal))
            {
                throw new ToolUsageException($"unknown option {arg}");
            }

            if (!next.MoveNext() || next.Current.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ToolUsageException($"{arg} needs a value");
            }

            if (!options.TryAdd(arg, next.Current))
            {
                throw new ToolUsageException($"{arg} is given twice");
            }
        }

        return new CommandLine(positionals, options);
    }

    /// <summary>The positional values, refusing a command line that has another number of them.</summary>
    public IReadOnlyList<string> ExpectPositionals(int count, string usage)
    {
        return Positionals.Count == count ? Positionals : throw new ToolUsageException($"usage: {usage}");
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) => Option(name) is { } value && !string.IsNullOrWhiteSpace(value)
        ? value.Trim()
        : throw new ToolUsageException($"{name} is required");
}
