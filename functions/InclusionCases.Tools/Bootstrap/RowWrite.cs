namespace InclusionCases.Tools.Bootstrap;

/// <summary>What the bootstrap did with one row.</summary>
public enum RowWrite
{
    /// <summary>Nothing was written: the bootstrap was refused.</summary>
    NotWritten,

    /// <summary>The row did not exist and was written.</summary>
    Written,

    /// <summary>The row already said the same thing and was left as it was.</summary>
    AlreadyPresent,
}
