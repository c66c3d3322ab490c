using System.Buffers.Binary;
using System.Globalization;

namespace ProcedureReference.Tests.Importing;

/// <summary>
/// Damages an archive the ways a bad disk, a cut transfer or a hostile hand would, several at once, and says how
/// (so that a failing case can be read and replayed). Half the damage lands in the last few hundred bytes, where
/// the central directory and end record are: a random flip elsewhere mostly hits compressed data.
/// </summary>
internal static class ArchiveMutations
{
    private static readonly long[] Extremes = [0, 1, -1, 0xFFFF, 0xFFFFFFFF, int.MaxValue, long.MaxValue, 0x7FFF];

    public static (byte[] Archive, string How) Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var how = new List<string>();
        var count = random.Next(1, 5);
        for (var m = 0; m < count && bytes.Count > 0; m++)
            how.Add(MutateOnce(bytes, random));
        return ([.. bytes], string.Join("; ", how));
    }

    private static string MutateOnce(List<byte> bytes, Random random)
    {
        var at = Position(bytes.Count, random);
        switch (random.Next(7))
        {
            case 0:
                var flips = random.Next(1, 9);
                for (var i = 0; i < flips; i++) bytes[Position(bytes.Count, random)] ^= (byte)random.Next(1, 256);
                return $"{flips} bytes flipped";
            case 1:
                var width = new[] { 2, 4, 8 }[random.Next(3)];
                if (at + width > bytes.Count) at = Math.Max(0, bytes.Count - width);
                var value = random.Next(3) == 0 ? random.NextInt64() : Extremes[random.Next(Extremes.Length)];
                var field = new byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(field, value);
                for (var i = 0; i < width && at + i < bytes.Count; i++) bytes[at + i] = field[i];
                return string.Create(CultureInfo.InvariantCulture, $"{width}-byte field at {at} set to {value}");
            case 2:
                bytes.RemoveRange(at, bytes.Count - at);
                return string.Create(CultureInfo.InvariantCulture, $"cut at {at}");
            case 3:
                var length = Math.Min(random.Next(1, 64), bytes.Count - at);
                bytes.RemoveRange(at, length);
                return string.Create(CultureInfo.InvariantCulture, $"{length} bytes deleted at {at}");
            case 4:
                var inserted = new byte[random.Next(1, 64)];
                random.NextBytes(inserted);
                bytes.InsertRange(at, inserted);
                return string.Create(CultureInfo.InvariantCulture, $"{inserted.Length} random bytes inserted at {at}");
            case 5:
                var repeated = bytes.GetRange(at, Math.Min(random.Next(1, 128), bytes.Count - at));
                bytes.InsertRange(at, repeated);
                return string.Create(CultureInfo.InvariantCulture, $"{repeated.Count} bytes at {at} repeated");
            default:
                var from = Position(bytes.Count, random);
                var copied = Math.Min(Math.Min(random.Next(4, 47), bytes.Count - from), bytes.Count - at);
                var source = bytes.GetRange(from, copied);
                for (var i = 0; i < copied; i++) bytes[at + i] = source[i];
                return string.Create(CultureInfo.InvariantCulture, $"{copied} bytes from {from} copied over {at}");
        }
    }

    /// <summary>Anywhere, or (half the time) in the last 400 bytes.</summary>
    private static int Position(int length, Random random) =>
        random.Next(2) == 0 ? random.Next(length) : Math.Max(0, length - 1 - random.Next(Math.Min(400, length)));
}
