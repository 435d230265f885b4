using InclusionCases.Tools;

// The development and operator commands, used by ./dev (run with no arguments for the usage lines).
return await ToolCommands.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
