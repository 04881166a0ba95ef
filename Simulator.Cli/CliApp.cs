using Simulator.Cli.Commands;
using Simulator.Output;
using Spectre.Console.Cli;

namespace Simulator.Cli;

/// <summary>The command line app: commands, help, version and the mapping of every failure to an exit code.</summary>
internal static class CliApp
{
    /// <summary>Runs one command line in-process and returns its exit code; nothing here calls <see cref="Environment.Exit(int)"/>.</summary>
    public static int Run(IReadOnlyList<string> args, CliSession session, ISimulatorBackend backend, CancellationToken cancellationToken)
    {
        session.Arguments = args;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("linesim");
            config.ConfigureConsole(session.Console);

            // Without it an unknown option is passed on as a "remaining argument" and silently ignored.
            config.UseStrictParsing();
            config.Settings.Registrar.RegisterInstance(session);
            config.Settings.Registrar.RegisterInstance(backend);
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetExceptionHandler((exception, _) => Report(session, exception));
            config.SetInterceptor(new FormatInterceptor(session));

            config.AddCommand<RunCommand>("run")
                .WithDescription("Simulate a scenario, print when each line halts and recovers, and write the results contract and charts.")
                .WithExample("run", "scenarios/quickstart.yaml")
                .WithExample("run", "scenarios/quickstart.yaml", "--policy", "jis-buffer", "--replications", "50", "--seed", "7", "--out", "results/edi-50");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Run the same seeds and replications under several buffer-stock policies; compare lost units with the stock each holds and its cost.")
                .WithExample("compare", "scenarios/quickstart.yaml")
                .WithExample("compare", "scenarios/quickstart.yaml", "--policies", "as-written,jis-buffer", "--until-precision", "5", "--out", "results/compare");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a scenario: every problem with file, line, column and the offending id. Exit 0 when valid.")
                .WithExample("validate", "scenarios/quickstart.yaml");
            config.AddCommand<StressCommand>("stress")
                .WithDescription("Take down every supplier, IT system and shared provider on its own; rank them by lost units and time-to-halt.")
                .WithExample("stress", "scenarios/quickstart.yaml")
                .WithExample("stress", "scenarios/quickstart.yaml", "--durations", "24,72,168", "--out", "results/quickstart-stress");
            config.AddCommand<SurviveCommand>("survive")
                .WithDescription("Time to survive right now: for every supplier, IT system and provider, hours until a line halts if it fails at the as-of time, whether that is before it is back, and Catena-X days-of-supply and notification payloads.")
                .WithExample("survive", "now.yaml", "--out", "results/now")
                .WithExample("survive", "now.yaml", "--previous", "results/yesterday", "--out", "results/now");
            config.AddCommand<SizeBuffersCommand>("size-buffers")
                .WithDescription("The least-cost stock at the lines and at Tier-1/Tier-2 suppliers such that no line halts in any listed outage: solved on the LP model, verified by simulation; writes a policy file compare, run and stress take (--policy-file) and its cost against today's.")
                .WithExample("size-buffers", "scenarios/quickstart.yaml", "--out", "results/buffers")
                .WithExample("size-buffers", "scenarios/quickstart.yaml", "--outages", "T1-SEATS:24,OEM-EDI", "--out", "results/buffers");
            config.AddCommand<SensitivityCommand>("sensitivity")
                .WithDescription("Tornado of time-to-halt and lost units when each stock, lead time and capacity in front of the K most critical targets moves by -x % and +x %: sensitivity.csv and charts.")
                .WithExample("sensitivity", "scenarios/quickstart.yaml", "--top", "3", "--out", "results/sensitivity")
                .WithExample("sensitivity", "scenarios/quickstart.yaml", "--top", "5", "--percent", "10", "--own-recovery");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Join the shards of a stress, run or compare started with --shard I/N, and write the files one process would have written.")
                .WithExample("merge", "--out", "results/stress", "results/shard-0", "results/shard-1", "results/shard-2", "results/shard-3");
            config.AddCommand<GraphCommand>("graph")
                .WithDescription("Print the multi-tier supply map with IT dependencies as Graphviz DOT or Mermaid.")
                .WithExample("graph", "scenarios/quickstart.yaml", "--format", "mermaid", "--out", "network.mmd")
                .WithExample("graph", "scenarios/quickstart.yaml", "--highlight", "3");
            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Write a synthetic multi-tier network (shared bills of materials, sequence and kanban parts, supplier tiers, IT systems, calendars), valid by construction, for scale tests or to start from.")
                .WithExample("generate", "--preset", "medium", "--out", "scenarios/medium.yaml")
                .WithExample("generate", "--preset", "medium", "--format", "csv", "--out", "tables/medium")
                .WithExample("generate", "--plants", "2", "--lines-per-plant", "3", "--parts", "400", "--tiers", "3", "--suppliers-per-tier", "70,35,15", "--seed", "7", "--no-disruption", "--out", "my-network.yaml");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Turn a folder of master-data and PURIS state tables (CSV) and Catena-X payloads (JSON), plus a YAML overlay, into a scenario as of a time.")
                .WithExample("import", "samples/import", "--overlay", "samples/import/overlay.yaml", "--out", "scenarios/imported.yaml")
                .WithExample("import", "erp-export", "--as-of", "2025-09-01T06:00:00+02:00", "--out", "now.yaml");
        });

        try
        {
            if (args.Count == 0)
            {
                // Show what there is, but a script that forgot its command has not succeeded.
                app.Run(["--help"], cancellationToken);
                session.Error("error: no command given (run, compare, stress, survive, size-buffers, sensitivity, merge, validate, graph, generate or import)");
                return ExitCodes.InvalidInput;
            }

            // Spectre's own version option is -v|--version; here -v is left free (it reads as --verbose to most users).
            if (args is ["--version"])
            {
                session.Stdout.WriteLine(RunManifest.CurrentToolVersion);
                return ExitCodes.Success;
            }

            return app.Run(args, cancellationToken);
        }
        catch (Exception exception)
        {
            // Failures Spectre lets through (its own configuration errors) still get one line and a code.
            return Report(session, exception);
        }
    }

    private static int Report(CliSession session, Exception exception)
    {
        var (code, message) = ExitCodes.Classify(exception);
        if (message is not null)
        {
            session.Error(message);
        }

        // Users get one line; whoever reports a bug can ask for the whole trace.
        if (code == ExitCodes.UnexpectedFailure && System.Environment.GetEnvironmentVariable("LINESIM_DEBUG") == "1")
        {
            session.Error(exception.ToString());
        }

        return code;
    }
}
