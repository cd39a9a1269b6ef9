using BenchmarkDotNet.Running;
using IdentityProvider.Benchmarks.Compare;
using IdentityProvider.Benchmarks.Documents;
using IdentityProvider.Benchmarks.Load;
using IdentityProvider.Benchmarks.Otp;
using IdentityProvider.Benchmarks.PatExchange;
using IdentityProvider.Benchmarks.SignIn;
using IdentityProvider.Benchmarks.Startup;

// Run in Release:
//   dotnet run -c Release --project tests/IdentityProvider.Benchmarks -- compare [--runs 3] [--seconds 6] [--warmup 20] [--bench DIR (default: Anchors/)] [--twin KEY=VALUE]
//     side by side with wrk: our PAT exchange (published, Production, PostgreSQL), the node peer and the Kestrel ceiling;
//   dotnet run -c Release --project tests/IdentityProvider.Benchmarks -- pat-exchange [--seconds 20] [--connections 16] [--baseline]
//     a load driver: starts the provider as a real process and measures it over HTTP on 127.0.0.1;
//   dotnet run -c Release --project tests/IdentityProvider.Benchmarks -- documents [--seconds 20] [--warmup 30]
//     the same driver on the discovery document and the JWKS;
//   dotnet run -c Release --project tests/IdentityProvider.Benchmarks -- startup [--app PUBLISHED_DIR]
//     start to ready on SQLite (first start and restarts) and the idle resident memory;
//   dotnet run -c Release --project tests/IdentityProvider.Benchmarks -- sign-in [--warmup 20] [--seconds 12] [--trace DIR]
//     full two-step sign-ins (password, TOTP, code exchange) against the machine's password-hash rate;
//   dotnet run -c Release --project tests/IdentityProvider.Benchmarks -- otp [--job short]
//     BenchmarkDotNet micro-benchmarks of in-process TOTP/HOTP verification.
var mode = args.FirstOrDefault();
switch (mode)
{
    case "compare":
        return await CompareBenchmark.RunAsync(CompareOptions.Parse(args.Skip(1).ToArray()));
    case "pat-exchange":
        return await PatExchangeBenchmark.RunAsync(LoadOptions.Parse(args.Skip(1).ToArray()));
    case "documents":
        return await DocumentsBenchmark.RunAsync(LoadOptions.Parse(args.Skip(1).ToArray()));
    case "sign-in":
        return await SignInBenchmark.RunAsync(LoadOptions.Parse(args.Skip(1).ToArray()));
    case "startup":
        return await StartupBenchmark.RunAsync(args is [_, "--app", var appDirectory] ? Path.GetFullPath(appDirectory) : null);
    case "otp":
        BenchmarkRunner.Run<OtpVerificationBenchmarks>(args: args.Skip(1).ToArray());
        return 0;
    default:
        Console.Error.WriteLine("Usage: IdentityProvider.Benchmarks compare [--runs N] | otp | startup [--app DIR] | documents | sign-in | pat-exchange [--seconds N] [--warmup N] [--connections N] [--algorithms RS256,ES256] [--baseline]");
        return 2;
}
