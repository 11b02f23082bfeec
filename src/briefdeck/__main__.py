from briefdeck.cli import main

main()
