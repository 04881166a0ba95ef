namespace Simulator.Model;

/// <summary>One input of a product: the supplier's input stock, pieces drawn per piece made and the stock's index among the supplier's inputs.</summary>
internal readonly record struct RecipeInput(FeedRun Feed, double PerPiece, int FeedIndex);
