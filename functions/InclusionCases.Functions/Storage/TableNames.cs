namespace InclusionCases.Functions.Storage;

/// <summary>The logical names of every table the app uses; <see cref="StorageProvisioner"/> creates them.</summary>
public static class TableNames
{
    /// <summary>PartitionKey = organisation id, RowKey = "organisation".</summary>
    public const string Organisations = "Organisations";

    /// <summary>PartitionKey = user or application object id (<c>oid</c>), RowKey = "membership".</summary>
    public const string Memberships = "Memberships";

    public static IReadOnlyList<string> All { get; } = [Organisations, Memberships];
}
