using Simulator.Engine;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Engine;

/// <summary>The interrupt and fault example of docs/kernel.md runs as documented and is quoted there verbatim.</summary>
public sealed class KernelDocumentationTests
{
    private const string QuoteStart = "    // docs/kernel.md quotes the method below verbatim.";
    private const string QuoteEnd = "    // End of the quoted method.";

    [Test]
    public void The_interrupt_example_handles_a_breakdown_and_a_refused_repair()
    {
        var env = new SimEnvironment();
        var repairman = new Resource(env, capacity: 1, name: "repairman", queueCapacity: 0);
        var log = new List<string>();
        var first = env.Process(Machine(env, repairman, 5.0, log), "first");
        var second = env.Process(Machine(env, repairman, 5.0, log), "second");
        env.Timeout(2.0).AddCallback(_ => first.Interrupt("breakdown"));
        env.Timeout(2.5).AddCallback(_ => second.Interrupt("breakdown"));

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            // The first machine is repaired from 2 to 3 h and works its remaining 3 h; the second finds the
            // repairman busy and no room to wait.
            Assert.That(log, Is.EqualTo(new[] { "breakdown at 2 h", "breakdown at 2.5 h", "scrapped at 2.5 h", "done at 6 h" }));
            Assert.That(first.IsOk && second.IsOk, Is.True);
        }
    }

    [Test]
    public void The_example_in_kernel_md_is_the_tested_method()
    {
        var source = File.ReadAllLines(RepositoryFiles.PathOf("Simulator.Tests", "Engine", "KernelDocumentationTests.cs"));
        var start = Array.IndexOf(source, QuoteStart);
        var end = Array.IndexOf(source, QuoteEnd);
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end));
        var quoted = string.Join('\n', source[(start + 1)..end].Select(line => line.Length >= 4 ? line[4..] : line));
        var doc = File.ReadAllText(RepositoryFiles.PathOf("docs", "kernel.md")).ReplaceLineEndings("\n");

        Assert.That(doc, Does.Contain("```csharp\n" + quoted + "\n```"));
    }

    // docs/kernel.md quotes the method below verbatim.
    static IEnumerable<Event> Machine(SimEnvironment env, Resource repairman, double workHours, List<string> log)
    {
        var self = env.ActiveProcess!;
        var left = workHours;
        while (true)
        {
            var start = env.Now;
            yield return env.Delay(left);
            if (!self.IsInterrupted)
            {
                break;
            }

            // Clear the flag before the next yield, or the process fails.
            var cause = self.HandleInterrupt();
            log.Add($"{cause} at {env.Now} h");
            left -= env.Now - start;

            var repair = repairman.Request();
            yield return repair;
            if (self.HandleFault())
            {
                // The request failed: the repairman's waiting line was full.
                log.Add($"scrapped at {env.Now} h");
                yield break;
            }

            yield return env.Delay(1.0);
            repairman.Release(repair);
        }

        log.Add($"done at {env.Now} h");
    }
    // End of the quoted method.
}
