using InclusionCases.Bench;

// ./dev bench [--quick]: prints a markdown table and writes bench/results/latest.{md,json}.
return await Benchmark.RunAsync(args);
