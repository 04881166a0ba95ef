using System.IO.Compression;
using System.Text;

namespace Simulator.Tests.Cli;

/// <summary>
/// Decodes a PNG without an image library: checks the signature, every chunk's CRC, the header, inflates the image data
/// and reverses the row filters. What a viewer would do, minus the colour management.
/// </summary>
internal static class EndToEndPng
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A decoded image: its size and how many distinct pixel values it holds.</summary>
    internal sealed record Image(int Width, int Height, int DistinctPixels);

    internal static Image Decode(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.Length, Is.GreaterThan(Signature.Length), $"{path} is empty");
        Assert.That(bytes.AsSpan(0, Signature.Length).SequenceEqual(Signature), Is.True, $"{path} has no PNG signature");

        int width = 0, height = 0, bitDepth = 0, colourType = 0, interlace = 0;
        var idat = new MemoryStream();
        var sawEnd = false;
        var offset = Signature.Length;
        var first = true;
        while (offset < bytes.Length && !sawEnd)
        {
            Assert.That(offset + 12, Is.LessThanOrEqualTo(bytes.Length), $"{path}: truncated chunk at {offset}");
            var length = (int)BigEndian(bytes, offset);
            var type = Encoding.ASCII.GetString(bytes, offset + 4, 4);
            Assert.That(offset + 12 + length, Is.LessThanOrEqualTo(bytes.Length), $"{path}: chunk {type} runs past the end");
            var data = bytes.AsSpan(offset + 8, length);
            var crc = BigEndian(bytes, offset + 8 + length);
            Assert.That(crc, Is.EqualTo(Crc(bytes.AsSpan(offset + 4, length + 4))), $"{path}: bad CRC on chunk {type}");
            if (first)
            {
                Assert.That(type, Is.EqualTo("IHDR"), $"{path}: first chunk");
                first = false;
            }

            switch (type)
            {
                case "IHDR":
                    width = (int)BigEndian(bytes, offset + 8);
                    height = (int)BigEndian(bytes, offset + 12);
                    bitDepth = data[8];
                    colourType = data[9];
                    interlace = data[12];
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }

            offset += 12 + length;
        }

        Assert.That(sawEnd, Is.True, $"{path}: no IEND chunk");
        Assert.That(interlace, Is.Zero, $"{path}: interlaced images are not decoded here");
        var channels = colourType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            _ => 0,
        };
        Assert.That(channels, Is.Positive, $"{path}: unknown colour type {colourType}");
        Assert.That(bitDepth, Is.EqualTo(8).Or.EqualTo(16), $"{path}: bit depth {bitDepth} is not decoded here");

        var pixelBytes = channels * bitDepth / 8;
        var stride = width * pixelBytes;
        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        inflater.CopyTo(raw);
        Assert.That(raw.Length, Is.EqualTo((long)height * (1 + stride)), $"{path}: image data does not match {width}x{height}");

        var pixels = Unfilter(raw.GetBuffer(), width, height, pixelBytes, path);
        var distinct = new HashSet<string>();
        for (var i = 0; i < pixels.Length && distinct.Count < 1000; i += pixelBytes)
        {
            distinct.Add(Convert.ToHexString(pixels, i, pixelBytes));
        }

        return new Image(width, height, distinct.Count);
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int pixelBytes, string path)
    {
        var stride = width * pixelBytes;
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Assert.That(filter, Is.LessThanOrEqualTo(4), $"{path}: unknown filter {filter} on row {y}");
            var source = (y * (stride + 1)) + 1;
            var row = y * stride;
            var previous = row - stride;
            for (var x = 0; x < stride; x++)
            {
                int a = x >= pixelBytes ? pixels[row + x - pixelBytes] : 0;
                int b = y > 0 ? pixels[previous + x] : 0;
                int c = x >= pixelBytes && y > 0 ? pixels[previous + x - pixelBytes] : 0;
                var predictor = filter switch
                {
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => 0,
                };
                pixels[row + x] = (byte)(raw[source + x] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint BigEndian(byte[] bytes, int offset) =>
        ((uint)bytes[offset] << 24) | ((uint)bytes[offset + 1] << 16) | ((uint)bytes[offset + 2] << 8) | bytes[offset + 3];

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
