using IdentityProvider.Benchmarks.PatExchange;

// Load drivers that are not BenchmarkDotNet micro-benchmarks: each starts the provider as a real process
// and measures it over HTTP on 127.0.0.1. Run in Release:
//   dotnet run -c Release --project tests/IdentityProvider.Benchmarks -- pat-exchange [--seconds 20] [--connections 16] [--baseline]
var mode = args.FirstOrDefault();
switch (mode)
{
    case "pat-exchange":
        return await PatExchangeBenchmark.RunAsync(LoadOptions.Parse(args.Skip(1).ToArray()));
    default:
        Console.Error.WriteLine("Usage: IdentityProvider.Benchmarks pat-exchange [--seconds N] [--warmup N] [--connections N] [--algorithms RS256,ES256] [--baseline]");
        return 2;
}
