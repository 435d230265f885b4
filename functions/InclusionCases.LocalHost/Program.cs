using InclusionCases.LocalHost;

// The local host's command line, used by ./dev:
//   serve [--settings PATH] [--url URL]   serve the API and run the queue and timer triggers until Ctrl-C
//   functions [--settings PATH]           list the discovered functions (HTTP routes, queues, timer schedules)
// Seeding, the consistency check and development tokens are InclusionCases.Tools commands.
return await LocalHostCommands.RunAsync(args);
