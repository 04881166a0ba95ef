namespace Simulator.Engine;

internal static class Placeholder;
