using Simulator.Engine;

namespace Simulator.Tests.Engine;

public sealed class PriorityAndFilterStoreTests
{
    private sealed record Job(string Id, double DueHours);

    [Test]
    public void Priority_store_hands_out_the_smallest_item_and_equal_items_first_in_first_out()
    {
        var env = new SimEnvironment();
        var byDue = Comparer<Job>.Create((a, b) => a.DueHours.CompareTo(b.DueHours));
        var store = new PriorityStore<Job>(env, byDue);
        foreach (var job in new[] { new Job("late", 9), new Job("first-of-two", 3), new Job("urgent", 1), new Job("second-of-two", 3) })
        {
            store.Put(job);
        }

        var taken = new List<string>();
        env.Process(Dispatcher());

        Assert.That(store.Items.Select(job => job.Id), Is.EqualTo(new[] { "urgent", "first-of-two", "second-of-two", "late" }));
        env.Run();
        Assert.That(taken, Is.EqualTo(new[] { "urgent", "first-of-two", "second-of-two", "late" }));

        IEnumerable<Event> Dispatcher()
        {
            while (store.Count > 0)
            {
                var get = store.Get();
                yield return get;
                taken.Add(get.Item.Id);
            }
        }
    }

    [Test]
    public void Priority_store_gets_wait_for_items_and_puts_wait_for_room()
    {
        var env = new SimEnvironment();
        var store = new PriorityStore<int>(env, capacity: 2);
        var log = new List<string>();
        env.Process(Consumer());
        env.Process(Producer());

        env.Run();

        Assert.That(log, Is.EqualTo(new[]
        {
            "put 5 at 1", "got 5 at 1", "put 7 at 2", "put 3 at 2", "got 3 at 3", "put 4 at 3", "got 4 at 3", "got 7 at 3",
        }));

        IEnumerable<Event> Producer()
        {
            yield return env.Timeout(1.0);
            yield return Put(5);
            yield return env.Timeout(1.0);
            yield return Put(7);
            yield return Put(3);
            yield return Put(4);
        }

        StoreRequest<int> Put(int item)
        {
            var put = store.Put(item);
            put.AddCallback(_ => log.Add($"put {item} at {env.Now}"));
            return put;
        }

        IEnumerable<Event> Consumer()
        {
            var first = store.Get();
            yield return first;
            log.Add($"got {first.Item} at {env.Now}");
            yield return env.Timeout(2.0);
            for (var i = 0; i < 3; i++)
            {
                var get = store.Get();
                yield return get;
                log.Add($"got {get.Item} at {env.Now}");
            }
        }
    }

    [Test]
    public void Filter_store_tests_each_item_once_per_waiting_get()
    {
        var env = new SimEnvironment();
        var store = new FilterStore<int>(env);
        var tested = new List<int>();
        var even = store.Get(item =>
        {
            tested.Add(item);
            return item % 2 == 0;
        });

        store.Put(1);
        store.Put(3);
        Assert.That(tested, Is.EqualTo(new[] { 1, 3 }), "a put that serves nobody tests its item once");

        store.Put(4);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tested, Is.EqualTo(new[] { 1, 3, 4 }));
            Assert.That(even.IsTriggered, Is.True);
            Assert.That(even.Item, Is.EqualTo(4));
            Assert.That(store.Items, Is.EqualTo(new[] { 1, 3 }));
        }
    }

    [Test]
    public void Filter_store_get_takes_the_oldest_matching_item_after_items_before_it_left()
    {
        var env = new SimEnvironment();
        var store = new FilterStore<int>(env);
        var big = store.Get(item => item > 10);
        store.Put(20);
        store.Put(30);
        store.Put(1);

        // `big` took 20; a later get for big items takes 30, the oldest left, not a newer one.
        store.Put(40);
        var next = store.Get(item => item > 10);
        var any = store.Get();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(big.Item, Is.EqualTo(20));
            Assert.That(next.Item, Is.EqualTo(30));
            Assert.That(any.Item, Is.EqualTo(1));
            Assert.That(store.Items, Is.EqualTo(new[] { 40 }));
        }
    }

    [Test]
    public void Filter_store_get_served_frees_room_for_a_waiting_put_which_serves_the_next_get()
    {
        var env = new SimEnvironment();
        var store = new FilterStore<string>(env, capacity: 1);
        store.Put("a");
        var blocked = store.Put("b");
        var wantsB = store.Get(item => item == "b");
        Assert.That(wantsB.IsTriggered, Is.False);

        var wantsA = store.Get(item => item == "a");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wantsA.Item, Is.EqualTo("a"));
            Assert.That(blocked.IsTriggered, Is.True);
            Assert.That(wantsB.Item, Is.EqualTo("b"));
            Assert.That(store.Count, Is.Zero);
        }
    }
}
