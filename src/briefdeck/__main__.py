from briefdeck.entry import main

main()
