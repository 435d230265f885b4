namespace InclusionCases.InfraTests;

/// <summary>
/// Reads the subset of YAML azure.yaml uses: nested mappings of plain scalars, by indentation, with
/// comments. Anything else (lists, flow collections, multi-line or quoted-with-colon scalars) is refused
/// rather than misread, so a richer azure.yaml fails here and this reader is extended knowingly.
/// </summary>
internal static class SimpleYaml
{
    public static Dictionary<string, object> Parse(string text)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        var stack = new Stack<(int Indent, Dictionary<string, object> Map)>([(-1, root)]);
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            var content = StripComment(line);
            if (content.Trim().Length == 0)
            {
                continue;
            }

            var indent = content.Length - content.TrimStart(' ').Length;
            if (content.Contains('\t', StringComparison.Ordinal))
            {
                throw new FormatException($"line {lineNumber}: tabs are not YAML indentation");
            }

            var entry = content.Trim();
            if (entry.StartsWith('-') || entry.StartsWith('[') || entry.StartsWith('{'))
            {
                throw new FormatException($"line {lineNumber}: lists and flow collections are not read by this reader");
            }

            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || (colon < entry.Length - 1 && entry[colon + 1] != ' '))
            {
                throw new FormatException($"line {lineNumber}: expected 'key: value' or 'key:'");
            }

            while (stack.Peek().Indent >= indent)
            {
                stack.Pop();
            }

            var key = entry[..colon];
            var value = entry[(colon + 1)..].Trim();
            var map = stack.Peek().Map;
            if (map.ContainsKey(key))
            {
                throw new FormatException($"line {lineNumber}: duplicate key {key}");
            }

            if (value.Length == 0)
            {
                var child = new Dictionary<string, object>(StringComparer.Ordinal);
                map[key] = child;
                stack.Push((indent, child));
            }
            else
            {
                if (value.StartsWith('|') || value.StartsWith('>') || value.StartsWith('&') || value.StartsWith('*'))
                {
                    throw new FormatException($"line {lineNumber}: block scalars, anchors and aliases are not read by this reader");
                }

                map[key] = Unquote(value);
            }
        }

        return root;
    }

    public static string Scalar(Dictionary<string, object> map, params string[] path)
    {
        object node = map;
        foreach (var key in path)
        {
            Assert.True(node is Dictionary<string, object> current && current.TryGetValue(key, out node!), $"azure.yaml has no {string.Join('.', path)}");
        }

        return Assert.IsType<string>(node);
    }

    public static Dictionary<string, object> Map(Dictionary<string, object> map, params string[] path)
    {
        object node = map;
        foreach (var key in path)
        {
            Assert.True(node is Dictionary<string, object> current && current.TryGetValue(key, out node!), $"azure.yaml has no {string.Join('.', path)}");
        }

        return Assert.IsType<Dictionary<string, object>>(node);
    }

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
