using InclusionCases.Domain.Reports;

namespace InclusionCases.UnitTests.Reports;

/// <summary>
/// The suppression rule, on examples and on thousands of random tables: nothing from 1 to 4 is shown,
/// a table under 20 shows nothing, and no row, column or line of totals hides exactly one count, which
/// its sum would give back.
/// </summary>
public sealed class SuppressionTests
{
    [Fact]
    public void ATableUnder20_IsSuppressedWhole()
    {
        var table = Suppression.Apply([[10, 9]]);

        Assert.Equal([null, null], table.Cells[0]);
        Assert.Null(table.Total);
    }

    [Fact]
    public void OneSmallCount_BesideAShownTotal_HidesTheNextSmallestToo()
    {
        var table = Suppression.Apply([[3, 12, 40, 9]]);

        Assert.Equal([null, 12, 40, null], table.Cells[0]);
        Assert.Equal(64, table.Total);
    }

    [Fact]
    public void Zeros_AreShown_AndAreNeverTheComplement()
    {
        var table = Suppression.Apply([[0, 2, 0, 30]]);

        Assert.Equal([0, null, 0, null], table.Cells[0]);
        Assert.Equal(32, table.Total);
    }

    [Fact]
    public void ATwoWayTable_ProtectsItsSmallCellAlongItsRowAndItsColumn()
    {
        var table = Suppression.Apply([[3, 20, 30], [25, 26, 27]]);

        Assert.Equal([null, null, 30], table.Cells[0]);
        Assert.Equal([null, null, 27], table.Cells[1]);
        Assert.Equal([53, 78], table.RowTotals);
        Assert.Equal([28, 46, 57], table.ColumnTotals);
        Assert.Equal(131, table.Total);
    }

    [Fact]
    public void ASmallRowTotal_IsSuppressed_AndProtectedAgainstTheTableTotal()
    {
        var table = Suppression.Apply([[1, 2], [30, 40], [25, 35]]);

        Assert.Null(table.RowTotals[0]);
        Assert.Equal(2, table.RowTotals.Count(t => t is null));
        AssertNothingRecoverable([[1, 2], [30, 40], [25, 35]], table);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void ABadTable_IsRefused(int shape)
    {
        IReadOnlyList<IReadOnlyList<int>> bad = shape switch
        {
            0 => [],
            _ => [[1, 2], [3]],
        };

        Assert.Throws<ArgumentException>(() => Suppression.Apply(bad));
        Assert.Throws<ArgumentException>(() => Suppression.Apply([[5, -1]]));
    }

    [Fact]
    public void RandomTables_NeverShowOneToFour_NorHideOneCountOfAnySum()
    {
        var random = new Random(20261127);
        for (var run = 0; run < 5000; run++)
        {
            var rows = random.Next(1, 7);
            var columns = random.Next(1, 8);
            // Many small counts and zeros, as in real breakdowns of a few hundred people, with some large ones.
            var counts = Enumerable.Range(0, rows).Select(_ => (IReadOnlyList<int>)[.. Enumerable.Range(0, columns).Select(_ => random.Next(10) switch
            {
                < 3 => 0,
                < 6 => random.Next(1, 5),
                < 9 => random.Next(5, 30),
                _ => random.Next(30, 500),
            })]).ToList();

            var table = Suppression.Apply(counts);

            AssertNothingRecoverable(counts, table, $"run {run}");
        }
    }

    // Checks the published table against the counts, line by line, as someone with only the published table would read it.
    private static void AssertNothingRecoverable(List<IReadOnlyList<int>> counts, SuppressedTable table, string because = "")
    {
        var rows = counts.Count;
        var columns = counts[0].Count;
        var rowTotals = counts.Select(r => r.Sum()).ToList();
        var columnTotals = Enumerable.Range(0, columns).Select(j => counts.Sum(r => r[j])).ToList();
        var total = rowTotals.Sum();
        var lines = new List<(string Name, List<(int Value, int? Shown)> Terms)>();
        for (var i = 0; i < rows; i++)
        {
            lines.Add(($"row {i}", [.. Enumerable.Range(0, columns).Select(j => (counts[i][j], table.Cells[i][j])), (rowTotals[i], table.RowTotals[i])]));
        }

        for (var j = 0; j < columns; j++)
        {
            lines.Add(($"column {j}", [.. Enumerable.Range(0, rows).Select(i => (counts[i][j], table.Cells[i][j])), (columnTotals[j], table.ColumnTotals[j])]));
        }

        lines.Add(("row totals", [.. rowTotals.Select((v, i) => (v, table.RowTotals[i])), (total, table.Total)]));
        lines.Add(("column totals", [.. columnTotals.Select((v, j) => (v, table.ColumnTotals[j])), (total, table.Total)]));

        if (total < Suppression.SmallestTable)
        {
            Assert.True(lines.SelectMany(l => l.Terms).All(t => t.Shown is null), $"{because}: a table of {total} shows a count");
            return;
        }

        foreach (var (name, terms) in lines)
        {
            Assert.All(terms, t => Assert.True(t.Shown is null || t.Shown == t.Value, $"{because}: {name} shows a wrong count"));
            Assert.All(terms, t => Assert.False(t.Shown is > 0 and < Suppression.SmallestShown, $"{because}: {name} shows {t.Shown}"));
            // A one-row table's column total is its cell: both hidden, that line tells nothing.
            Assert.True(terms.Count(t => t.Shown is null) != 1, $"{because}: {name} hides exactly one count, which its sum gives back");
        }
    }
}
