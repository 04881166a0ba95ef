using Simulator.Engine;

namespace Simulator.Tests.Engine;

public sealed class ContainerAndStoreTests
{
    [Test]
    public void Container_get_waits_until_the_level_allows_it_and_waiters_are_served_in_order()
    {
        var env = new SimEnvironment();
        var tank = new Container(env, capacity: 100, initialLevel: 0, name: "tank");
        var log = new List<string>();
        env.Process(Take(env, tank, 30, "big", log));
        env.Process(Take(env, tank, 5, "small", log));
        env.Process(Fill(env, tank, 10, every: 1.0, times: 4));

        env.Run();

        // The small get waits behind the big one although 10 would have covered it at 1 h.
        Assert.That(log, Is.EqualTo(new[] { "big@3", "small@4" }));
        Assert.That(tank.Level, Is.EqualTo(5.0));
    }

    [Test]
    public void Container_put_waits_for_room_below_the_capacity()
    {
        var env = new SimEnvironment();
        var tank = new Container(env, capacity: 10, initialLevel: 8);
        var putAt = -1.0;
        env.Process(Put());
        env.Process(Take(env, tank, 5, "drain", [], delay: 2.0));

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(putAt, Is.EqualTo(2.0));
            Assert.That(tank.Level, Is.EqualTo(8.0));
        }

        IEnumerable<Event> Put()
        {
            yield return tank.Put(5);
            putAt = env.Now;
        }
    }

    [Test]
    public void Container_rejects_amounts_above_its_capacity()
    {
        var env = new SimEnvironment();
        var tank = new Container(env, capacity: 10, name: "tank");

        Assert.That(() => tank.Get(11), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("'tank'"));
    }

    [Test]
    public void Store_gets_wait_for_items_and_are_served_in_arrival_order()
    {
        var env = new SimEnvironment();
        var store = new Store<string>(env);
        var log = new List<string>();
        env.Process(Consume(env, store, "first", log));
        env.Process(Consume(env, store, "second", log));
        env.Process(Produce(env, store, ["x", "y"]));

        env.Run();

        Assert.That(log, Is.EqualTo(new[] { "first got x@1", "second got y@2" }));
    }

    [Test]
    public void Store_put_waits_while_the_store_is_full()
    {
        var env = new SimEnvironment();
        var store = new Store<int>(env, capacity: 1);
        var puts = new List<double>();
        env.Process(PutMany());
        env.Process(TakeOneLater());

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(puts, Is.EqualTo(new[] { 0.0, 3.0 }));
            Assert.That(store.Items, Is.EqualTo(new[] { 2 }));
        }

        IEnumerable<Event> PutMany()
        {
            foreach (var item in new[] { 1, 2 })
            {
                yield return store.Put(item);
                puts.Add(env.Now);
            }
        }

        IEnumerable<Event> TakeOneLater()
        {
            yield return env.Timeout(3.0);
            yield return store.Get();
        }
    }

    [Test]
    public void Filter_store_serves_a_later_get_whose_item_is_present_before_an_earlier_one()
    {
        var env = new SimEnvironment();
        var store = new FilterStore<int>(env);
        var log = new List<string>();
        env.Process(Want(x => x > 10, "big"));
        env.Process(Want(x => x % 2 == 0, "even"));
        env.Process(Produce());

        env.Run();

        Assert.That(log, Is.EqualTo(new[] { "even got 4@1", "big got 12@2" }));

        IEnumerable<Event> Want(Func<int, bool> filter, string name)
        {
            var get = store.Get(filter);
            yield return get;
            log.Add($"{name} got {get.Item}@{env.Now}");
        }

        IEnumerable<Event> Produce()
        {
            yield return env.Timeout(1.0);
            yield return store.Put(4);
            yield return env.Timeout(1.0);
            yield return store.Put(12);
        }
    }

    [Test]
    public void A_cancelled_store_get_receives_no_item()
    {
        var env = new SimEnvironment();
        var store = new Store<int>(env);
        var get = store.Get();
        Assert.That(get.Cancel(), Is.True);
        store.Put(1);
        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(get.IsTriggered, Is.False);
            Assert.That(store.Count, Is.EqualTo(1));
            Assert.That(store.GetQueueLength, Is.Zero);
        }
    }

    private static IEnumerable<Event> Take(SimEnvironment env, Container tank, double amount, string name, List<string> log, double delay = 0.0)
    {
        yield return env.Timeout(delay);
        yield return tank.Get(amount);
        log.Add($"{name}@{env.Now}");
    }

    private static IEnumerable<Event> Fill(SimEnvironment env, Container tank, double amount, double every, int times)
    {
        for (var i = 0; i < times; i++)
        {
            yield return env.Timeout(every);
            yield return tank.Put(amount);
        }
    }

    private static IEnumerable<Event> Consume(SimEnvironment env, Store<string> store, string name, List<string> log)
    {
        var get = store.Get();
        yield return get;
        log.Add($"{name} got {get.Item}@{env.Now}");
    }

    private static IEnumerable<Event> Produce(SimEnvironment env, Store<string> store, string[] items)
    {
        foreach (var item in items)
        {
            yield return env.Timeout(1.0);
            yield return store.Put(item);
        }
    }
}
