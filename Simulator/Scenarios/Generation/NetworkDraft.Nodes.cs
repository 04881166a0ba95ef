using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Plants, lines, parts, bills of materials and the suppliers of every tier.</summary>
internal sealed partial class NetworkDraft
{
    private static readonly string[] JisNames =
    [
        "Front seat set", "Rear seat bench", "Cockpit module", "Front bumper", "Rear bumper", "Headliner", "Door trim panel",
        "Centre console", "Front-end module", "Carpet set", "Exhaust system", "Fuel tank",
    ];

    private static readonly string[] JitNames =
    [
        "Wiring harness", "Wheel and tyre", "12 V battery", "Windscreen", "Side mirror", "Headlamp", "Tail lamp", "Brake caliper",
        "Steering wheel", "Airbag module", "Radiator", "Air filter", "Wiper motor", "Door lock", "Speaker", "Seat belt",
        "Engine control unit", "Horn", "Fuel pump", "Shock absorber",
    ];

    private static readonly string[] BulkNames =
    [
        "Fastener kit", "Clip set", "Sealant cartridge", "Grommet set", "Cable tie set", "Adhesive tape", "Label set", "Washer kit",
    ];

    private static readonly string[] Tier2Names =
    [
        "Seat foam", "Stamped bracket", "Moulded housing", "Printed circuit board", "Copper wire", "Glass blank", "Aluminium casting",
        "Rubber profile", "Textile cover", "Machined shaft",
    ];

    private static readonly string[] RawNames =
    [
        "Steel coil", "Polymer granulate", "Copper cathode", "Semiconductor chip", "Aluminium ingot", "Float glass", "Natural rubber", "Yarn",
    ];

    private static string Number(int value, int count) => value.ToString(new string('0', Math.Max(3, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)), System.Globalization.CultureInfo.InvariantCulture);

    private void BuildPlants()
    {
        var random = Stream("plants");
        for (var p = 1; p <= _options.Plants; p++)
        {
            var plant = new PlantDraft($"PL{p}", $"Assembly plant {p}", random.NextDouble() < 0.5 ? TwoShift : ThreeShift);
            for (var l = 1; l <= _options.LinesPerPlant; l++)
            {
                var line = new LineDraft($"PL{p}-L{l}", plant, Steps(random, 30, 70, 1));
                plant.Lines.Add(line);
                _lines.Add(line);
            }

            _plants.Add(plant);
        }
    }

    /// <summary>Exactly 20 % jis, 10 % bulk and the rest jit (rounded), in random order.</summary>
    private void BuildLineParts()
    {
        var random = Stream("parts");
        var n = _options.Parts;
        var jis = (int)Math.Round(0.2 * n, MidpointRounding.AwayFromZero);
        var bulk = (int)Math.Round(0.1 * n, MidpointRounding.AwayFromZero);
        var kinds = Enumerable.Repeat(PartKind.Jis, jis)
            .Concat(Enumerable.Repeat(PartKind.Bulk, bulk))
            .Concat(Enumerable.Repeat(PartKind.Jit, n - jis - bulk))
            .ToArray();
        Shuffle(random, kinds);
        for (var i = 0; i < n; i++)
        {
            var id = $"P{Number(i + 1, n)}";
            var kind = kinds[i];
            var (quantity, cost, name) = kind switch
            {
                PartKind.Jis => (1.0, Cost(random, 350, 0.7), Pick(random, JisNames)),
                PartKind.Bulk => (Steps(random, 2, 20, 1), Cost(random, 1.5, 0.8), Pick(random, BulkNames)),
                _ => (random.NextDouble() switch { < 0.7 => 1.0, < 0.9 => 2.0, _ => 4.0 }, Cost(random, 40, 1.0), Pick(random, JitNames)),
            };
            _lineParts.Add(new LinePartDraft(id, kind, quantity));
            _parts.Add(new PartSpec(id, $"{name}, variant {i + 1}", cost, kind));
        }
    }

    /// <summary>
    /// Model families: every part has a home plant, about 15 % are shared with other plants; each line uses most of
    /// its plant's family and every family part is used by at least one line.
    /// </summary>
    private void BuildBoms()
    {
        var random = Stream("bom");
        var order = Enumerable.Range(0, _lineParts.Count).ToArray();
        Shuffle(random, order);
        var families = _plants.Select(_ => new HashSet<int>()).ToArray();
        for (var k = 0; k < order.Length; k++)
        {
            families[k % _plants.Count].Add(order[k]);
        }

        if (_plants.Count > 1)
        {
            Shuffle(random, order);
            var shared = (int)Math.Round(0.15 * order.Length, MidpointRounding.AwayFromZero);
            for (var k = 0; k < shared; k++)
            {
                var extra = 1 + random.Next(_plants.Count - 1);
                var plants = Enumerable.Range(0, _plants.Count).ToArray();
                Shuffle(random, plants);
                foreach (var p in plants.Take(extra + 1))
                {
                    families[p].Add(order[k]);
                }
            }
        }

        for (var p = 0; p < _plants.Count; p++)
        {
            var plant = _plants[p];
            plant.Family.AddRange(families[p].Order().Select(i => _lineParts[i]));
            var used = new HashSet<LinePartDraft>();
            foreach (var line in plant.Lines)
            {
                var take = random.Uniform(0.8, 0.95);
                foreach (var part in plant.Family)
                {
                    if (random.NextDouble() < take)
                    {
                        line.Bom.Add(part);
                        used.Add(part);
                    }
                }
            }

            foreach (var part in plant.Family.Where(f => !used.Contains(f)))
            {
                Pick(random, plant.Lines).Bom.Add(part);
            }

            foreach (var line in plant.Lines.Where(l => l.Bom.Count == 0))
            {
                line.Bom.Add(Pick(random, plant.Family));
            }

            foreach (var line in plant.Lines)
            {
                line.Bom.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            }
        }
    }

    /// <summary>
    /// Tier 1: each supplier makes a block of parts of mostly one kind (a seat maker, a harness maker), on three
    /// shifts or around the clock (bulk distributors always, as they ship on weekends); about 5 % of the parts get a
    /// second source with a qualification delay.
    /// </summary>
    private void BuildTier1()
    {
        var random = Stream("tier1");
        var count = _suppliersPerTier[0];
        var byKind = new[] { PartKind.Jis, PartKind.Jit, PartKind.Bulk }
            .SelectMany(kind =>
            {
                var parts = _lineParts.Where(p => p.Kind == kind).ToArray();
                Shuffle(random, parts);
                return parts;
            })
            .ToArray();
        var tier = new List<SupplierDraft>();
        for (var s = 0; s < count; s++)
        {
            var block = byKind[(s * byKind.Length / count)..((s + 1) * byKind.Length / count)];
            var main = block[0].Kind switch { PartKind.Jis => "Sequenced modules", PartKind.Bulk => "Bulk components", _ => "Components" };
            var shifts = random.NextDouble() < 0.5 && block[0].Kind != PartKind.Bulk ? ThreeShift : AlwaysOpen;
            var supplier = new SupplierDraft($"T1-{Number(s + 1, count)}", $"{main} {s + 1}", 1, shifts);
            foreach (var part in block)
            {
                AddSource(part, supplier);
            }

            tier.Add(supplier);
        }

        if (count >= 2)
        {
            var dual = (int)Math.Round(0.05 * _lineParts.Count, MidpointRounding.AwayFromZero);
            var candidates = _lineParts.ToArray();
            Shuffle(random, candidates);
            foreach (var part in candidates.Take(dual))
            {
                var first = part.Sources[0].Supplier;
                var second = tier[random.Next(count - 1)];
                second = second == first ? tier[count - 1] : second;
                AddSource(part, second);
                part.QualificationHours = Steps(random, 24, 72, 24);
            }
        }

        _suppliers.AddRange(tier);

        static void AddSource(LinePartDraft part, SupplierDraft supplier)
        {
            var product = new ProductDraft(part.Id);
            supplier.Products.Add(product);
            part.Sources.Add((supplier, product));
        }
    }

    /// <summary>
    /// Tiers 2 and deeper: each supplier makes 2-4 materials (the last tier 1-3); each product of the tier above
    /// consumes 1-2 of them, so materials are shared (fan-in), and every material has at least one customer.
    /// </summary>
    private void BuildDeeperTiers()
    {
        for (var t = 2; t <= _options.Tiers; t++)
        {
            var random = Stream($"tier{t}");
            var count = _suppliersPerTier[t - 1];
            var last = t == _options.Tiers;
            var materials = new List<MaterialDraft>();
            var tier = new List<SupplierDraft>();
            var perSupplier = Enumerable.Range(0, count).Select(_ => last ? Steps(random, 1, 3, 1) : Steps(random, 2, 4, 1)).ToArray();
            var total = (int)perSupplier.Sum();
            for (var s = 0; s < count; s++)
            {
                var supplier = new SupplierDraft($"T{t}-{Number(s + 1, count)}", $"Tier-{t} supplier {s + 1}", t, random.NextDouble() < 0.4 ? ThreeShift : AlwaysOpen);
                for (var m = 0; m < perSupplier[s]; m++)
                {
                    var id = $"M{t}-{Number(materials.Count + 1, total)}";
                    var product = new ProductDraft(id);
                    supplier.Products.Add(product);
                    materials.Add(new MaterialDraft(id, supplier, product));
                    var name = t == 2 ? Pick(random, Tier2Names) : Pick(random, RawNames);
                    _parts.Add(new PartSpec(id, $"{name}, grade {materials.Count}", Cost(random, t == 2 ? 12 : 3, 0.9), PartKind.Jit));
                }

                tier.Add(supplier);
            }

            var consumers = _suppliers.Where(s => s.Tier == t - 1).SelectMany(s => s.Products).ToArray();
            Shuffle(random, consumers);
            for (var m = 0; m < materials.Count; m++)
            {
                AddInput(consumers[m % consumers.Length], materials[m]);
            }

            foreach (var consumer in consumers)
            {
                var wanted = Steps(random, 1, 2, 1);
                for (var attempt = 0; consumer.Inputs.Count < wanted && attempt < 8; attempt++)
                {
                    var material = Pick(random, materials);
                    if (consumer.Inputs.All(i => i.PartId != material.Id))
                    {
                        AddInput(consumer, material);
                    }
                }
            }

            _materials.Add(materials);
            _suppliers.AddRange(tier);

            void AddInput(ProductDraft consumer, MaterialDraft material) =>
                consumer.Inputs.Add(new BomItem(material.Id, Steps(random, 1, 3, 1)));
        }
    }
}
