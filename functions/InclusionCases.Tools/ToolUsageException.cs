namespace InclusionCases.Tools;

/// <summary>A command line the tools cannot run: an unknown command or option, a missing or malformed value.</summary>
public sealed class ToolUsageException(string message) : Exception(message);
