namespace InclusionCases.Domain.Reports;

/// <summary>
/// The one rule by which every published count is suppressed, so that no count of 1 to 4 people can be
/// read or worked out:
/// <list type="number">
/// <item>a table whose total is under <see cref="SmallestTable"/> is suppressed whole;</item>
/// <item>every count from 1 to 4 is suppressed, cells and totals alike (primary suppression);</item>
/// <item>wherever a row, a column or the totals beside the table total would then hide exactly one
/// count, which that line's sum would give back, another count of that line is suppressed too (the
/// smallest non-zero cell, else the line's total), and so on until no line hides exactly one
/// (complementary suppression).</item>
/// </list>
/// </summary>
public static class Suppression
{
    /// <summary>The smallest count shown: 1 to 4 are suppressed.</summary>
    public const int SmallestShown = 5;

    /// <summary>A table whose total is under this is suppressed whole.</summary>
    public const int SmallestTable = 20;

    /// <summary>Suppresses <paramref name="counts"/> (rows of equal length, each count zero or more).</summary>
    public static SuppressedTable Apply(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.Count;
        var columns = rows == 0 ? 0 : counts[0].Count;
        if (rows == 0 || columns == 0 || counts.Any(r => r.Count != columns) || counts.Any(r => r.Any(v => v < 0)))
        {
            throw new ArgumentException("A table has at least one row and one column, rows of equal length, and no negative count.", nameof(counts));
        }

        var terms = Terms.Of(counts);
        var hidden = new bool[terms.Values.Count];
        if (terms.Values[terms.Total] < SmallestTable)
        {
            Array.Fill(hidden, true);
        }
        else
        {
            for (var t = 0; t < hidden.Length; t++)
            {
                hidden[t] = terms.Values[t] is > 0 and < SmallestShown;
            }

            Complete(terms, hidden);
        }

        int? Shown(int term) => hidden[term] ? null : terms.Values[term];
        return new SuppressedTable(
            [.. Enumerable.Range(0, rows).Select(i => (IReadOnlyList<int?>)[.. Enumerable.Range(0, columns).Select(j => Shown(terms.Cell(i, j)))])],
            [.. terms.RowTotals.Select(Shown)],
            [.. terms.ColumnTotals.Select(Shown)],
            Shown(terms.Total));
    }

    // Until no line hides exactly one of its counts: each pass suppresses one more count, so it ends.
    private static void Complete(Terms terms, bool[] hidden)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (parts, total) in terms.Lines)
            {
                if (parts.Append(total).Distinct().Count(t => hidden[t]) != 1)
                {
                    continue;
                }

                var complement = parts.Where(t => !hidden[t] && terms.Values[t] > 0).OrderBy(t => terms.Values[t]).ThenBy(t => t).Select(t => (int?)t).FirstOrDefault()
                    ?? (hidden[total] ? parts.First(t => !hidden[t]) : total);
                hidden[complement] = true;
                changed = true;
            }
        }
    }

    // The counts a table publishes, each once: a total over one count is that count.
    private sealed class Terms
    {
        private int _columns;

        public List<int> Values { get; } = [];

        public List<int> RowTotals { get; } = [];

        public List<int> ColumnTotals { get; } = [];

        public int Total { get; private set; }

        /// <summary>Every sum the published table shows: its parts and the total they add up to.</summary>
        public List<(IReadOnlyList<int> Parts, int Total)> Lines { get; } = [];

        public static Terms Of(IReadOnlyList<IReadOnlyList<int>> counts)
        {
            var (rows, columns) = (counts.Count, counts[0].Count);
            var terms = new Terms { _columns = columns };
            terms.Values.AddRange(counts.SelectMany(r => r));
            for (var i = 0; i < rows; i++)
            {
                terms.RowTotals.Add(columns == 1 ? terms.Cell(i, 0) : terms.Add(counts[i].Sum()));
            }

            for (var j = 0; j < columns; j++)
            {
                terms.ColumnTotals.Add(rows == 1 ? terms.Cell(0, j) : terms.Add(counts.Sum(r => r[j])));
            }

            terms.Total = rows == 1 ? terms.RowTotals[0] : columns == 1 ? terms.ColumnTotals[0] : terms.Add(counts.Sum(r => r.Sum()));
            for (var i = 0; columns > 1 && i < rows; i++)
            {
                terms.Lines.Add(([.. Enumerable.Range(0, columns).Select(j => terms.Cell(i, j))], terms.RowTotals[i]));
            }

            for (var j = 0; rows > 1 && j < columns; j++)
            {
                terms.Lines.Add(([.. Enumerable.Range(0, rows).Select(i => terms.Cell(i, j))], terms.ColumnTotals[j]));
            }

            if (rows > 1 && columns > 1)
            {
                terms.Lines.Add((terms.RowTotals, terms.Total));
                terms.Lines.Add((terms.ColumnTotals, terms.Total));
            }

            return terms;
        }

        public int Cell(int row, int column) => (row * _columns) + column;

        private int Add(int value)
        {
            Values.Add(value);
            return Values.Count - 1;
        }
    }
}
