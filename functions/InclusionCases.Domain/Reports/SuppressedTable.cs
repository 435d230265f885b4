namespace InclusionCases.Domain.Reports;

/// <summary>
/// A table of counts as it may be published: each count, or <c>null</c> where it is suppressed. A table
/// of one row or one column has the totals that such a table shows: its only row's total is
/// <see cref="Total"/> and its column totals are its cells.
/// </summary>
/// <param name="Cells">Rows of cells, in the order given.</param>
/// <param name="RowTotals">Each row's total.</param>
/// <param name="ColumnTotals">Each column's total.</param>
/// <param name="Total">The table's total.</param>
public sealed record SuppressedTable(IReadOnlyList<IReadOnlyList<int?>> Cells, IReadOnlyList<int?> RowTotals, IReadOnlyList<int?> ColumnTotals, int? Total);
