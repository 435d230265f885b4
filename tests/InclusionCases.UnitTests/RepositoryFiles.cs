namespace InclusionCases.UnitTests;

/// <summary>Files of the repository some tests read (the example settings, the documentation).</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding InclusionCases.sln, above the test binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InclusionCases.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (InclusionCases.sln) was not found above the test binaries.");
    }
}
