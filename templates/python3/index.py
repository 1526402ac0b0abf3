# Copyright (c) Alex Ellis 2017. All rights reserved.
# Licensed under the MIT license (openfaas/templates, python3). Kept as the workshop knows it.
import sys
from function import handler

def get_stdin():
    buf = ""
    while(True):
        line = sys.stdin.readline()
        buf += line
        if line == "":
            break
    return buf

if __name__ == "__main__":
    st = get_stdin()
    ret = handler.handle(st)
    if ret != None:
        print(ret)
