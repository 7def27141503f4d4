print("tracker-simulator: not yet built")
