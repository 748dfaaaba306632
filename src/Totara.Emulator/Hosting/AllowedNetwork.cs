using System.Net;

namespace Totara.Emulator.Hosting;

/// <summary>Reads one entry of an allowed-address list: an address (10.1.2.3) or a network (10.0.0.0/8).</summary>
internal static class AllowedNetwork
{
    public static IPNetwork Parse(string entry)
    {
        var text = entry.Trim();
        if (IPAddress.TryParse(text, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        return IPNetwork.TryParse(text, out var network)
            ? network
            : throw new FormatException($"'{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
    }
}
