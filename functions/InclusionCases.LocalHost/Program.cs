using InclusionCases.LocalHost;

// The local host's command line, used by ./dev:
//   serve [--settings PATH] [--url URL]   serve the API and run the queue triggers until Ctrl-C
//   seed  [--settings PATH]               create tables and queues, write the demo data
//   check [--settings PATH]               walk the tables: no case half-written (exit 1 if any)
//   token USER [--settings PATH]          print a development token for a demo user
//   functions                             list the discovered functions
return await LocalHostCommands.RunAsync(args);
