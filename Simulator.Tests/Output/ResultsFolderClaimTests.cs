using System.Diagnostics;
using Simulator.Output;

namespace Simulator.Tests.Output;

/// <summary>What may be replaced, who may write, and what is cleaned up: the user's files are never touched.</summary>
public sealed class ResultsFolderClaimTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "linesim-claim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    private static RunManifest Manifest() => SyntheticResults.Manifest();

    private void WriteResults(string target, bool force = false) =>
        ResultsWriter.Write(target, SyntheticResults.Experiment(["base"], 1), SyntheticResults.Start, Manifest(), force);

    [Test]
    public void Force_does_not_replace_a_folder_without_a_manifest()
    {
        var target = Path.Combine(_root, "mine");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "thesis.csv"), "years of work");
        var error = Assert.Throws<ResultsFolderRefusedException>(() => WriteResults(target, force: true));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Is.EqualTo($"output folder '{target}' was not written by linesim (it has no run.json), so --force will not replace it"));
            Assert.That(File.ReadAllText(Path.Combine(target, "thesis.csv")), Is.EqualTo("years of work"));
            Assert.That(Directory.GetFileSystemEntries(_root), Is.EqualTo(new[] { target }));
        });
    }

    [TestCase("notes.txt", false)]
    [TestCase("figures", true)]
    public void Force_does_not_replace_results_the_user_added_to(string entry, bool folder)
    {
        var target = Path.Combine(_root, "out");
        WriteResults(target);
        if (folder)
        {
            Directory.CreateDirectory(Path.Combine(target, entry));
        }
        else
        {
            File.WriteAllText(Path.Combine(target, entry), "mine");
        }

        var error = Assert.Throws<ResultsFolderRefusedException>(() => WriteResults(target, force: true));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Is.EqualTo($"output folder '{target}' holds '{entry}', which linesim does not write, so --force will not replace it"));
            Assert.That(Path.Exists(Path.Combine(target, entry)), Is.True);
        });
    }

    [Test]
    public void The_current_folder_and_its_ancestors_are_never_replaced_even_when_empty()
    {
        var inside = Path.Combine(_root, "work", "here");
        Directory.CreateDirectory(inside);
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = inside;
            Assert.Multiple(() =>
            {
                Assert.That(() => ResultsWriter.EnsureWritable(".", force: true), Throws.TypeOf<ResultsFolderRefusedException>().With.Message.EqualTo("output folder '.' is the current folder; results never replace it"));
                Assert.That(() => ResultsWriter.EnsureWritable("..", force: true), Throws.TypeOf<ResultsFolderRefusedException>().With.Message.EqualTo("output folder '..' is an ancestor of the current folder; results never replace it"));
                Assert.That(() => ResultsWriter.EnsureWritable("sub/x/../..", force: true), Throws.TypeOf<ResultsFolderRefusedException>().With.Message.Contains("is the current folder"));
            });
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }
    }

    [Test]
    public void The_root_and_the_home_folder_are_never_replaced()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Multiple(() =>
        {
            Assert.That(() => ResultsWriter.EnsureWritable(Path.GetPathRoot(_root)!, force: true), Throws.TypeOf<ResultsFolderRefusedException>().With.Message.Contains("is the root of the file system"));
            Assert.That(() => ResultsWriter.EnsureWritable(home, force: true), Throws.TypeOf<ResultsFolderRefusedException>().With.Message.Contains("the home folder"));
        });
    }

    [Test]
    public void A_dotdot_path_is_judged_by_the_folder_it_names()
    {
        var target = Path.Combine(_root, "mine");
        Directory.CreateDirectory(Path.Combine(target, "x"));
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");
        var error = Assert.Throws<ResultsFolderRefusedException>(() => WriteResults(Path.Combine(target, "x", ".."), force: true));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("was not written by linesim"));
            Assert.That(File.Exists(Path.Combine(target, "keep.txt")), Is.True);
        });
    }

    [Test]
    public void A_second_claim_on_the_same_folder_is_refused_until_the_first_is_released()
    {
        var target = Path.Combine(_root, "out");
        using (ResultsFolderClaim.Acquire(target, force: false))
        {
            var error = Assert.Throws<ResultsFolderInUseException>(() => ResultsFolderClaim.Acquire(Path.Combine(_root, ".", "out"), force: false));
            Assert.That(error!.Message, Is.EqualTo($"output folder '{Path.Combine(_root, ".", "out")}' is being written by another run that is still going"));
        }

        using (ResultsFolderClaim.Acquire(target, force: false))
        {
        }

        // Released claims leave nothing behind, not even the lock file.
        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty);
    }

    [Test]
    public void The_next_run_removes_what_a_dead_run_left_and_puts_back_a_parked_result()
    {
        var target = Path.Combine(_root, "out");
        WriteResults(target);

        // What a run killed mid-write leaves: its temporary folder, a stale lock file, and (killed inside a forced
        // replace) the old result parked aside with nothing in its place.
        var dead = Path.Combine(_root, ".out.tmp-0123456789ab");
        Directory.CreateDirectory(dead);
        File.WriteAllText(Path.Combine(dead, ".summary.0.part"), new string('x', 10_000));
        File.WriteAllText(Path.Combine(_root, ".out.lock"), string.Empty);
        Directory.Move(target, Path.Combine(_root, ".out.old-0123456789ab"));

        using (ResultsFolderClaim.Acquire(target, force: false))
        {
            Assert.Multiple(() =>
            {
                Assert.That(Directory.Exists(dead), Is.False);
                Assert.That(File.Exists(Path.Combine(target, ResultsWriter.ManifestFile)), Is.True);
            });
        }

        Assert.That(Directory.GetFileSystemEntries(_root), Is.EqualTo(new[] { target }));
    }

    [Test]
    public void Leftovers_of_other_folders_are_not_touched()
    {
        var other = Path.Combine(_root, ".other.tmp-0123456789ab");
        Directory.CreateDirectory(other);
        using (ResultsFolderClaim.Acquire(Path.Combine(_root, "out"), force: false))
        {
        }

        Assert.That(Directory.Exists(other), Is.True);
    }

    [Test]
    public void A_full_disk_leaves_no_temporary_folder_behind()
    {
        // A real full disk: a 256 KB tmpfs. Mounting needs root; where it is not allowed the test cannot run.
        var mount = Path.Combine(_root, "small");
        Directory.CreateDirectory(mount);
        if (!OperatingSystem.IsLinux() || Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount) != 0)
        {
            Assert.Ignore("mounting a small tmpfs is not allowed here");
        }

        try
        {
            var target = Path.Combine(mount, "out");
            var error = Assert.Catch<IOException>(() => ResultsWriter.Write(
                target, SyntheticResults.Experiment(["base", "other"], 20), SyntheticResults.Start, Manifest()));
            Assert.Multiple(() =>
            {
                Assert.That(error!.Message, Does.Contain("No space left on device"));
                Assert.That(Directory.GetFileSystemEntries(mount), Is.Empty, "the temporary folder and lock file must be gone");
            });
        }
        finally
        {
            // Lazy, so a handle a failing run leaked cannot keep the mount alive.
            Run("umount", "-l", mount);
        }
    }

    private static int Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
