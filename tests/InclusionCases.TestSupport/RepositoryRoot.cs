namespace InclusionCases.TestSupport;

public static class RepositoryRoot
{
    public static string Find()
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
